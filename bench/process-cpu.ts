/**
 * CPU time of a Chromium process tree, read from Linux /proc: every
 * descendant of the browser process, sorted into the kinds a person's
 * laptop runs for a call (browser, renderer, GPU process, utility processes
 * such as the network and audio services, zygotes), by the `--type=` of
 * its command line.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export type ProcessKind = 'browser' | 'renderer' | 'gpu' | 'utility' | 'zygote' | 'other';
export const PROCESS_KINDS: readonly ProcessKind[] = ['browser', 'renderer', 'gpu', 'utility', 'zygote', 'other'];

export const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/**
 * The kind of a Chromium process from /proc/<pid>/cmdline: arguments separated by NULs, or by
 * spaces once Chromium has rewritten its child processes' titles.
 */
export function processKindOf(commandLine: string): ProcessKind {
  const type = /(?:^|[\0 ])--type=([^\0 ]+)/.exec(commandLine)?.[1];
  if (type === undefined) return commandLine.length > 0 ? 'browser' : 'other';
  if (type === 'renderer') return 'renderer';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'utility') return 'utility';
  if (type === 'zygote') return 'zygote';
  return 'other';
}

export interface StatFields {
  parentPid: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

/** The fields we need from /proc/<pid>/stat (the name in parentheses may itself hold spaces or parentheses). */
export function parseStat(stat: string): StatFields {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state (3), ppid (4) … utime (14), stime (15); here index 0 is field 3.
  return { parentPid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

function readStat(pid: number): StatFields | null {
  try {
    return parseStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null; // The process ended between listing and reading.
  }
}

/** The root and every process below it. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    children.set(stat.parentPid, [...(children.get(stat.parentPid) ?? []), Number(entry)]);
  }
  const tree = [rootPid];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index]!) ?? []));
  return tree;
}

export interface TreeSample {
  /** pid → kind and CPU seconds used so far. */
  processes: Map<number, { kind: ProcessKind; cpuSeconds: number }>;
  /** performance.now() when it was read. */
  at: number;
}

export function sampleTree(rootPid: number): TreeSample {
  const processes = new Map<number, { kind: ProcessKind; cpuSeconds: number }>();
  for (const pid of processTree(rootPid)) {
    const stat = readStat(pid);
    if (!stat) continue;
    let commandLine: string;
    try {
      commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    processes.set(pid, { kind: processKindOf(commandLine), cpuSeconds: stat.cpuTicks / CLOCK_TICKS_PER_SECOND });
  }
  return { processes, at: performance.now() };
}

export type CpuPerSecond = Record<ProcessKind | 'total', number>;

/**
 * CPU milliseconds used per wall-clock second between two samples, by kind (1000 = one core busy).
 * A process that started in between counts from zero; one that ended in between is not seen.
 */
export function cpuMsPerSecond(before: TreeSample, after: TreeSample): CpuPerSecond {
  const seconds = (after.at - before.at) / 1000;
  const result = Object.fromEntries([...PROCESS_KINDS, 'total'].map((kind) => [kind, 0])) as CpuPerSecond;
  for (const [pid, now] of after.processes) {
    const usedMs = (now.cpuSeconds - (before.processes.get(pid)?.cpuSeconds ?? 0)) * 1000;
    result[now.kind] += usedMs / seconds;
    result.total += usedMs / seconds;
  }
  for (const kind of Object.keys(result) as Array<keyof CpuPerSecond>) result[kind] = Math.round(result[kind] * 10) / 10;
  return result;
}
