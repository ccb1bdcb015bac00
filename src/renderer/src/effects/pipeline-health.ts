/**
 * The page's view of the worker: what the person is told (starting, ready,
 * paused with a reason, error) from the worker's messages and from the
 * silence of a stuck worker. Pure: time comes in as a parameter.
 */
import type { PauseReason, WorkerToPage } from './pipeline-messages';

export type EffectsStatus =
  | { state: 'starting' }
  | { state: 'ready' }
  | { state: 'paused'; reason: PauseReason; detail: string }
  | { state: 'error'; detail: string };

/** No heartbeat for this long means the worker is stuck. */
export const DEFAULT_WATCHDOG_MS = 1000;

export class PipelineHealth {
  private lastHeartbeatAt: number;
  private firstFrameSeen = false;
  private workerPause: { reason: PauseReason; detail: string } | null = null;
  private unresponsive = false;
  private failure: string | null = null;
  private current: EffectsStatus = { state: 'starting' };

  constructor(
    now: number,
    private readonly watchdogMs = DEFAULT_WATCHDOG_MS,
  ) {
    if (!(watchdogMs > 0)) throw new RangeError(`watchdogMs must be positive, got ${watchdogMs}`);
    this.lastHeartbeatAt = now;
  }

  get status(): EffectsStatus {
    return this.current;
  }

  /** Returns true when the status changed. */
  onMessage(message: WorkerToPage, now: number): boolean {
    // Any message proves the worker's thread is alive.
    this.lastHeartbeatAt = now;
    this.unresponsive = false;
    switch (message.type) {
      case 'first-frame':
        this.firstFrameSeen = true;
        break;
      case 'paused':
        this.workerPause = { reason: message.reason, detail: message.detail };
        break;
      case 'resumed':
        this.workerPause = null;
        break;
      case 'failed':
        this.failure = message.detail;
        break;
      case 'heartbeat':
      case 'loaded':
      case 'stats':
        break;
    }
    return this.update();
  }

  /**
   * Call on a timer; returns true when the status changed. Silence before
   * the first frame is start-up (compiling the wasm blocks the worker's
   * thread) and leaves the status at "starting", which sends nothing either.
   */
  check(now: number): boolean {
    if (this.firstFrameSeen && now - this.lastHeartbeatAt > this.watchdogMs) this.unresponsive = true;
    return this.update();
  }

  private update(): boolean {
    const next = this.derive();
    const changed = JSON.stringify(next) !== JSON.stringify(this.current);
    this.current = next;
    return changed;
  }

  private derive(): EffectsStatus {
    if (this.failure !== null) return { state: 'error', detail: this.failure };
    if (this.unresponsive) {
      return {
        state: 'paused',
        reason: 'worker-unresponsive',
        detail: 'The video effect stopped responding; your video is paused.',
      };
    }
    if (this.workerPause) return { state: 'paused', ...this.workerPause };
    return this.firstFrameSeen ? { state: 'ready' } : { state: 'starting' };
  }
}
