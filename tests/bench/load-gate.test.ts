import { describe, expect, it } from 'vitest';
import { busyReason, decide, openLoadGate, waitLimitMs, type MachineLoad } from '../../bench/load-gate';

/** A machine whose load average reads from a list, one reading per call. */
function machineReading(readings: number[][], cores: number): MachineLoad {
  return { loadAverage: () => readings.shift() ?? [0, 0, 0], cores: () => cores };
}

describe('the load gate', () => {
  it('lets a benchmark run while the 1-minute load is at or below the core count', () => {
    expect(busyReason([2, 9, 9], 2)).toBeNull();
    expect(decide([1.5, 0, 0], 2, false)).toEqual({ run: true, valid: true, reason: null });
  });

  it('refuses above the core count, with the load and the cores in the reason', () => {
    const decision = decide([20.31, 18, 15], 2, false);
    expect(decision.run).toBe(false);
    expect(decision.valid).toBe(false);
    expect(decision.reason).toMatch(/20\.31.*above the 2 cores/);
  });

  it('runs a busy machine only with --allow-busy-machine, marked invalid', () => {
    const decision = decide([20, 18, 15], 2, true);
    expect(decision).toMatchObject({ run: true, valid: false });
    expect(decision.reason).toMatch(/^--allow-busy-machine: /);
  });

  it('reports the load before and after, the cores, and the result', () => {
    const gate = openLoadGate(
      'test',
      false,
      machineReading(
        [
          [0.5, 0.4, 0.3],
          [1.234, 0.5, 0.3],
        ],
        4,
      ),
    );
    expect(gate.report({ ours: { a: 1 } })).toEqual({
      benchmark: 'test',
      valid: true,
      load: { before: [0.5, 0.4, 0.3], after: [1.23, 0.5, 0.3] },
      cores: 4,
      ours: { a: 1 },
    });
  });

  it('marks a busy run that was allowed as invalid in its JSON', () => {
    const gate = openLoadGate('test', true, machineReading([[9, 9, 9]], 2));
    const report = gate.report({});
    expect(report.valid).toBe(false);
    expect(report.reason).toMatch(/above the 2 cores/);
  });
});

describe('a busy run the gate let through', () => {
  it('waits longer; a valid run keeps the given limit', () => {
    const quiet = openLoadGate('test', false, machineReading([[0.1, 0.1, 0.1]], 2));
    const busy = openLoadGate('test', true, machineReading([[9, 9, 9]], 2));
    expect(waitLimitMs(quiet, 15_000)).toBe(15_000);
    expect(waitLimitMs(busy, 15_000)).toBe(60_000);
  });
});
