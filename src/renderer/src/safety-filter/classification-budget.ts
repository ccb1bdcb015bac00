/**
 * How long the filter waits after a classification before grabbing the next
 * frame, so that the classifier's share of one core stays within budget.
 * It skips frames (classifies less often), never slows the call itself.
 */
export interface ClassificationBudget {
  /** Share of one core, e.g. 0.25. */
  maxCoreShare: number;
  /** Shortest time from the start of one classification to the start of the next. */
  minIntervalMs: number;
}

/**
 * A classification that took `durationMs` is followed by at least
 * `durationMs * (1 / share - 1)` of idle time, so each busy-plus-idle cycle
 * is busy at most `share` of the time. The duration is wall-clock time from
 * grabbing the frame to the result, which is never less than the CPU time
 * it used, so the budget errs on the safe side on a loaded machine.
 */
export function delayAfterClassification(durationMs: number, budget: ClassificationBudget): number {
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`A classification duration must be a finite, non-negative number of ms, got ${durationMs}`);
  }
  if (!(budget.maxCoreShare > 0 && budget.maxCoreShare <= 1)) {
    throw new RangeError(`maxCoreShare must be in (0, 1], got ${budget.maxCoreShare}`);
  }
  const idleForShare = durationMs * (1 / budget.maxCoreShare - 1);
  const idleForInterval = budget.minIntervalMs - durationMs;
  return Math.max(0, idleForShare, idleForInterval);
}
