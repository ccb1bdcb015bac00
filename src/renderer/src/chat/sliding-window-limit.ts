/** At most `max` events in any `windowMs`: a chat rate limit that needs no timers. */
export class SlidingWindowLimit {
  private readonly times: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Records an event if allowed; false when the limit is reached. */
  tryTake(): boolean {
    const now = this.now();
    while (this.times.length > 0 && now - this.times[0]! >= this.windowMs) this.times.shift();
    if (this.times.length >= this.max) return false;
    this.times.push(now);
    return true;
  }

  /** Milliseconds until the next event is allowed (0 when it is allowed now). */
  waitMs(): number {
    if (this.times.length < this.max) return 0;
    return Math.max(0, this.windowMs - (this.now() - this.times[0]!));
  }
}
