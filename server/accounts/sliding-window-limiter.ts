/**
 * Counts events per key (a failed sign-in per account, per address) over a
 * sliding window, and says how long a key must wait once it reaches the
 * limit. Kept in memory with an injected clock; the number of keys is
 * bounded, so a flood of made-up emails cannot grow it without end.
 */
export interface SlidingWindowLimit {
  limit: number;
  windowMs: number;
}

export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly rule: SlidingWindowLimit,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    if (!(rule.limit >= 1) || !(rule.windowMs > 0)) throw new Error('A limit needs limit >= 1 and windowMs > 0.');
  }

  /** 0 when the key may go ahead, else milliseconds until its oldest counted event leaves the window. */
  retryAfterMs(key: string): number {
    const times = this.current(key);
    if (times.length < this.rule.limit) return 0;
    return Math.max(1, times[times.length - this.rule.limit]! + this.rule.windowMs - this.now());
  }

  record(key: string): void {
    const times = this.current(key);
    times.push(this.now());
    // Only the newest `limit` events can matter.
    if (times.length > this.rule.limit) times.splice(0, times.length - this.rule.limit);
    this.events.delete(key);
    this.events.set(key, times);
    if (this.events.size > this.maxKeys) this.evict();
  }

  reset(key: string): void {
    this.events.delete(key);
  }

  get size(): number {
    return this.events.size;
  }

  private current(key: string): number[] {
    const since = this.now() - this.rule.windowMs;
    const times = (this.events.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) this.events.delete(key);
    return times;
  }

  /** Drops expired keys; if still too many, the least recently active ones. */
  private evict(): void {
    const since = this.now() - this.rule.windowMs;
    for (const [key, times] of this.events) {
      if (times[times.length - 1]! <= since) this.events.delete(key);
    }
    for (const key of this.events.keys()) {
      if (this.events.size <= this.maxKeys) break;
      this.events.delete(key);
    }
  }
}
