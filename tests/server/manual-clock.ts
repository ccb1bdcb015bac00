/**
 * A clock the test moves: `now()` stands still until `advance()`, which runs
 * every repeating timer that falls due on the way, in time order. Starts at
 * a fixed moment in 2030, so clock moves in tests are exact. With
 * `runTimers: false` only the time moves: for tests that jump days ahead and
 * call the scheduled work (purges) themselves.
 */
import type { Clock } from '../../server/clock';

interface Timer {
  intervalMs: number;
  dueAt: number;
  tick: () => void;
}

export class ManualClock implements Clock {
  private time: number;
  private readonly timers = new Set<Timer>();

  private readonly runTimers: boolean;

  constructor({ start = Date.UTC(2030, 0, 15, 12, 0, 0), runTimers = true }: { start?: number; runTimers?: boolean } = {}) {
    this.time = start;
    this.runTimers = runTimers;
  }

  readonly now = (): number => this.time;

  every(intervalMs: number, tick: () => void): () => void {
    const timer = { intervalMs, dueAt: this.time + intervalMs, tick };
    this.timers.add(timer);
    return () => void this.timers.delete(timer);
  }

  advance(ms: number): void {
    const target = this.time + ms;
    while (this.runTimers) {
      const due = [...this.timers].filter((timer) => timer.dueAt <= target).sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!due) break;
      this.time = Math.max(this.time, due.dueAt);
      due.dueAt += due.intervalMs;
      due.tick();
    }
    this.time = target;
  }
}
