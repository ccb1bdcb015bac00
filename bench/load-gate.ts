/**
 * The load gate every benchmark opens first: the machine's load average
 * before and after, and no result when the 1-minute load before the start
 * is above the core count (another program's work would be mistaken for
 * ours). `--allow-busy-machine` (for checking the benchmark code itself)
 * reports anyway, marked `"valid": false` with the reason.
 */
import os from 'node:os';

/** Exit code of a benchmark that refused to report. */
export const REFUSED_EXIT_CODE = 3;

/** The flag every benchmark accepts, for parseArgs. */
export const LOAD_GATE_OPTIONS = { 'allow-busy-machine': { type: 'boolean', default: false } } as const;

export interface MachineLoad {
  /** 1, 5 and 15-minute load averages. */
  loadAverage: () => number[];
  cores: () => number;
}

const SYSTEM: MachineLoad = { loadAverage: () => os.loadavg(), cores: () => os.availableParallelism() };

const rounded = (load: number[]): number[] => load.map((value) => Math.round(value * 100) / 100);

/** Why this load makes the figures meaningless, or null when the machine is quiet enough. */
export function busyReason(loadBefore: readonly number[], cores: number): string | null {
  const oneMinute = loadBefore[0] ?? Number.NaN;
  if (oneMinute <= cores) return null;
  return `the 1-minute load average before the start (${oneMinute.toFixed(2)}) is above the ${cores} cores: other work would be measured too`;
}

export interface GateDecision {
  run: boolean;
  valid: boolean;
  reason: string | null;
}

export function decide(loadBefore: readonly number[], cores: number, allowBusyMachine: boolean): GateDecision {
  const reason = busyReason(loadBefore, cores);
  if (reason === null) return { run: true, valid: true, reason: null };
  return { run: allowBusyMachine, valid: false, reason: allowBusyMachine ? `--allow-busy-machine: ${reason}` : reason };
}

export interface LoadGate {
  readonly valid: boolean;
  /** The benchmark's JSON with the gate's fields first: benchmark, valid, reason, load { before, after }, cores. */
  report(result: object): Record<string, unknown>;
}

/** Opens the gate: prints the load before, and exits with code 3 (reason on stderr and in the JSON) when the machine is busy. */
export function openLoadGate(benchmark: string, allowBusyMachine: boolean, machine: MachineLoad = SYSTEM): LoadGate {
  const before = rounded(machine.loadAverage());
  const cores = machine.cores();
  console.error(`bench:${benchmark}: load average before ${before.join(' ')} on ${cores} cores`);
  const decision = decide(before, cores, allowBusyMachine);
  const header = () => ({ benchmark, valid: decision.valid, ...(decision.reason ? { reason: decision.reason } : {}) });
  if (!decision.run) {
    console.error(`bench:${benchmark} refused to report: ${decision.reason}`);
    console.log(JSON.stringify({ ...header(), load: { before }, cores }, null, 2));
    process.exit(REFUSED_EXIT_CODE);
  }
  if (decision.reason) console.error(`bench:${benchmark}: figures marked invalid (${decision.reason})`);
  return {
    valid: decision.valid,
    report: (result) => {
      const after = rounded(machine.loadAverage());
      console.error(`bench:${benchmark}: load average after ${after.join(' ')}`);
      return { ...header(), load: { before, after }, cores, ...result };
    },
  };
}

/** Prints the benchmark's JSON (stdout) with the gate's fields. */
export function printReport(gate: LoadGate, result: object): void {
  console.log(JSON.stringify(gate.report(result), null, 2));
}

/** A wait's limit: as given on a quiet machine, four times longer on a busy one the gate let through. */
export function waitLimitMs(gate: LoadGate, quietMs: number): number {
  return gate.valid ? quietMs : quietMs * 4;
}
