/**
 * CPU a browser used over a window of wall time, for the filter benchmark:
 * renderer and whole browser from CDP (SystemInfo.getProcessInfo), and the
 * classifier's worker thread on its own from Linux /proc.
 */
import fs from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { CLOCK_TICKS_PER_SECOND, parseStat } from './process-cpu';
import { roundTo } from './statistics';

interface ProcessCpu {
  type: string;
  id: number;
  cpuTime: number;
}

export interface CpuWindow {
  seconds: number;
  renderer: number;
  browserTotal: number;
  workerThread: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function processCpu(cdp: CDPSession): Promise<ProcessCpu[]> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessCpu[] };
  return processInfo;
}

/** CPU seconds of every thread named DedicatedWorker in the given processes. */
function workerThreadCpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    let threads: string[];
    try {
      threads = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const thread of threads) {
      try {
        const name = fs.readFileSync(`/proc/${pid}/task/${thread}/comm`, 'utf8').trim();
        if (!name.startsWith('DedicatedWorker')) continue;
        ticks += parseStat(fs.readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8')).cpuTicks;
      } catch {
        // The thread ended between listing and reading.
      }
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** CPU used over `ms` of wall time, as shares of one core. */
export async function measureCpu(cdp: CDPSession, ms: number): Promise<CpuWindow> {
  const before = await processCpu(cdp);
  const rendererPids = before.filter((process) => process.type === 'renderer').map((process) => process.id);
  const workerBefore = workerThreadCpuSeconds(rendererPids);
  const started = performance.now();
  await sleep(ms);
  const after = await processCpu(cdp);
  const seconds = (performance.now() - started) / 1000;
  const workerAfter = workerThreadCpuSeconds(rendererPids);
  const delta = (filter: (process: ProcessCpu) => boolean): number => {
    let total = 0;
    for (const process of after.filter(filter)) {
      const previous = before.find((entry) => entry.id === process.id)?.cpuTime ?? 0;
      total += process.cpuTime - previous;
    }
    return total;
  };
  return {
    seconds: roundTo(seconds, 1),
    renderer: roundTo(delta((process) => process.type === 'renderer') / seconds),
    browserTotal: roundTo(delta(() => true) / seconds),
    workerThread: roundTo((workerAfter - workerBefore) / seconds),
  };
}
