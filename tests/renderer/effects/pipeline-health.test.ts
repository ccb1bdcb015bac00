import { describe, expect, it } from 'vitest';
import { PipelineHealth } from '../../../src/renderer/src/effects/pipeline-health';

const heartbeat = {
  type: 'heartbeat',
  processing: true,
  counters: { framesIn: 0, framesProcessed: 0, framesNeutral: 0, framesDropped: 0 },
} as const;

describe('pipeline health', () => {
  it('is starting until the first processed frame, then ready', () => {
    const health = new PipelineHealth(0, 1000);
    expect(health.onMessage({ type: 'loaded', loadMs: 300 }, 300)).toBe(false);
    expect(health.status).toEqual({ state: 'starting' });
    expect(health.onMessage({ type: 'first-frame', msSinceStart: 400 }, 400)).toBe(true);
    expect(health.status).toEqual({ state: 'ready' });
  });

  it("pauses on the worker's word and resumes on it", () => {
    const health = new PipelineHealth(0, 1000);
    health.onMessage({ type: 'first-frame', msSinceStart: 10 }, 10);
    health.onMessage({ type: 'paused', reason: 'falling-behind', detail: 'slow' }, 20);
    expect(health.status).toEqual({ state: 'paused', reason: 'falling-behind', detail: 'slow' });
    health.onMessage({ type: 'resumed' }, 30);
    expect(health.status).toEqual({ state: 'ready' });
  });

  it('pauses when the worker goes silent, and recovers with its next heartbeat', () => {
    const health = new PipelineHealth(0, 1000);
    health.onMessage({ type: 'first-frame', msSinceStart: 10 }, 10);
    expect(health.check(900)).toBe(false);
    expect(health.check(1011)).toBe(true);
    expect(health.status).toMatchObject({ state: 'paused', reason: 'worker-unresponsive' });
    health.onMessage(heartbeat, 1100);
    expect(health.status).toEqual({ state: 'ready' });
  });

  it('stays "starting" through a silent start-up (wasm compile blocks the worker)', () => {
    const health = new PipelineHealth(0, 1000);
    expect(health.check(5000)).toBe(false);
    expect(health.status).toEqual({ state: 'starting' });
  });

  it('treats a failure as final', () => {
    const health = new PipelineHealth(0, 1000);
    health.onMessage({ type: 'failed', detail: 'no model' }, 5);
    health.onMessage(heartbeat, 6);
    health.onMessage({ type: 'resumed' }, 7);
    expect(health.status).toEqual({ state: 'error', detail: 'no model' });
  });

  it('rejects a watchdog that is not positive', () => {
    expect(() => new PipelineHealth(0, 0)).toThrow(RangeError);
  });
});
