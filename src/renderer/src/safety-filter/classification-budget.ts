/**
 * The classifier's share of one core, kept as credit (a token bucket): time
 * earns credit at `maxCoreShare` ms per ms, each classification spends the
 * time it took. Over any stretch of T ms the classifier is busy at most
 * `maxCoreShare * T` plus the credit held at the start.
 *
 * Credit is capped at two classifications: one for the regular cycle and one
 * kept in reserve, so a sudden change of picture is classified at once
 * instead of waiting for the next cycle. It skips frames (classifies less
 * often), never slows the call itself.
 */
const RESERVED_CLASSIFICATIONS = 1;

export class ClassificationBudget {
  /** Starts full: the classifier was idle before this video, and a new stranger should be checked quickly. */
  private creditMs = Number.POSITIVE_INFINITY;
  private updatedAt: number;
  /** Typical cost of one classification (grab to result), learnt as they run. */
  private costMs: number | null = null;
  /** What the classification under way was charged when it began. */
  private charged = 0;

  constructor(
    private readonly maxCoreShare: number,
    now: number,
  ) {
    if (!(maxCoreShare > 0 && maxCoreShare <= 1)) throw new RangeError(`maxCoreShare must be in (0, 1], got ${maxCoreShare}`);
    this.updatedAt = now;
  }

  /**
   * A classification starts: its expected cost is charged at once, so the
   * credit it earns while running is not lost to the cap.
   */
  begin(now: number): void {
    this.earn(now);
    this.charged = this.costMs ?? 0;
    this.creditMs -= this.charged;
  }

  /** It took `durationMs` (wall clock, never less than the CPU time it used): the charge is corrected. */
  end(durationMs: number, now: number): void {
    if (!Number.isFinite(durationMs) || durationMs < 0) {
      throw new RangeError(`A classification duration must be a finite, non-negative number of ms, got ${durationMs}`);
    }
    this.earn(now);
    // Debt is allowed (a classification slower than usual) and repaid before the next.
    this.creditMs -= durationMs - this.charged;
    this.charged = 0;
    this.costMs = this.costMs === null ? durationMs : 0.7 * this.costMs + 0.3 * durationMs;
  }

  /**
   * How long to wait before a classification may start: a regular one leaves
   * the reserve untouched, one for a changed picture may use it.
   */
  waitMs(use: 'regular' | 'reserve', now: number): number {
    this.earn(now);
    if (this.costMs === null) return 0;
    const needed = this.costMs * (use === 'regular' ? 1 + RESERVED_CLASSIFICATIONS : 1);
    return Math.max(0, (needed - this.creditMs) / this.maxCoreShare);
  }

  private earn(now: number): void {
    const capacity = this.costMs === null ? Number.POSITIVE_INFINITY : this.costMs * (1 + RESERVED_CLASSIFICATIONS);
    this.creditMs = Math.min(capacity, this.creditMs + Math.max(0, now - this.updatedAt) * this.maxCoreShare);
    this.updatedAt = now;
  }
}
