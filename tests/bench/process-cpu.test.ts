import { describe, expect, it } from 'vitest';
import { cpuMsPerSecond, parseStat, processKindOf, processTree, sampleTree, type TreeSample } from '../../bench/process-cpu';

describe('Chromium process kinds', () => {
  it('reads the kind from --type= in the command line', () => {
    const commandLine = (...args: string[]) => args.join('\0') + '\0';
    expect(processKindOf(commandLine('/usr/lib/chromium/chromium', '--headless', '--remote-debugging-pipe'))).toBe('browser');
    expect(processKindOf(commandLine('/usr/lib/chromium/chromium', '--type=renderer', '--renderer-client-id=7'))).toBe('renderer');
    expect(processKindOf(commandLine('/usr/lib/chromium/chromium', '--type=gpu-process'))).toBe('gpu');
    expect(
      processKindOf(commandLine('/usr/lib/chromium/chromium', '--type=utility', '--utility-sub-type=network.mojom.NetworkService')),
    ).toBe('utility');
    expect(processKindOf(commandLine('/usr/lib/chromium/chromium', '--type=zygote'))).toBe('zygote');
    expect(processKindOf('')).toBe('other');
  });

  it('reads it too from a title Chromium rewrote into one space-separated string', () => {
    expect(processKindOf('/usr/lib/chromium/chromium --type=renderer --crashpad-handler-pid=0 --lang=en-US\0')).toBe('renderer');
    expect(processKindOf('/usr/lib/chromium/chromium --type=gpu-process --no-sandbox\0')).toBe('gpu');
  });
});

describe('/proc/<pid>/stat', () => {
  // /proc is Linux's; the benchmark reads it only there.
  const onLinux = it.skipIf(process.platform !== 'linux');
  it('finds the parent and utime + stime after a name with spaces and parentheses', () => {
    const stat = '4242 (Chrome (IO) x) S 4200 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 12 0 1000 0 0';
    expect(parseStat(stat)).toEqual({ parentPid: 4200, cpuTicks: 300 });
  });

  onLinux('reads this process in its own tree, and CPU per second from two samples', () => {
    expect(processTree(process.pid)[0]).toBe(process.pid);
    const cpuSeconds = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    };
    const before = sampleTree(process.pid);
    const cpuBefore = cpuSeconds();
    expect(before.processes.get(process.pid)?.kind).toBe('browser');
    // Burn 0.3 s of this process's own CPU time (however long a busy machine makes that take).
    while (cpuSeconds() < cpuBefore + 0.3) Math.sqrt(Math.random());
    const cpuUsed = cpuSeconds() - cpuBefore;
    const after = sampleTree(process.pid);
    const seconds = (after.at - before.at) / 1000;
    const used = cpuMsPerSecond(before, after);
    // /proc counts in clock ticks (10 ms): the same CPU time as Node's own count, give or take a few ticks.
    expect(Math.abs((used.browser / 1000) * seconds - cpuUsed)).toBeLessThan(0.06);
    expect(used.total).toBeGreaterThanOrEqual(used.browser);
  });

  it('counts a process that started between the samples from zero', () => {
    const sample = (at: number, entries: Array<[number, number]>): TreeSample => ({
      at,
      processes: new Map(entries.map(([pid, cpuSeconds]) => [pid, { kind: pid === 1 ? 'browser' : 'renderer', cpuSeconds }])),
    });
    const used = cpuMsPerSecond(
      sample(0, [[1, 5]]),
      sample(2000, [
        [1, 6],
        [2, 1],
      ]),
    );
    expect(used).toMatchObject({ browser: 500, renderer: 500, total: 1000 });
  });
});
