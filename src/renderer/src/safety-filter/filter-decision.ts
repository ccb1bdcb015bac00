/**
 * The incoming-video filter's decision, as a plain state machine fed with
 * classifier results and times: blurred or not, and why. No timers, no DOM;
 * the filter loop (incoming-video-filter.ts) drives it.
 *
 * Rules:
 * - A new stranger's video starts blurred ("checking") until enough
 *   consecutive frames are classified safe.
 * - One frame at or above the instant threshold, or the smoothed score at or
 *   above the smoothed threshold, blurs at once ("explicit"). The blur stays
 *   until the person chooses "Show anyway": the stranger cannot lift it by
 *   behaving for a few frames. A later explicit flag needs the score to have
 *   come back to safe first (a new episode), so one steady false alarm does
 *   not blur again right after the person chose to see.
 * - Fail safe: a classifier that cannot load ("unavailable") or returns no
 *   result for too long once frames flow ("behind") keeps the video blurred.
 *   "Show anyway" lifts these for the rest of this video; an explicit flag
 *   still blurs.
 */
import { explicitScore, type ClassScores } from './class-scores';
import type { FilterSettings } from './filter-settings';

export type BlurReason = 'checking' | 'explicit' | 'unavailable' | 'behind';

export interface FilterView {
  blurred: boolean;
  /** Why the video is blurred; null when it is not. */
  reason: BlurReason | null;
}

export interface ScoredOutcome {
  explicit: number;
  smoothed: number;
  /** This frame started a new explicit episode: keep it as possible evidence. */
  flaggedNow: boolean;
}

export class FilterDecision {
  private loaded = false;
  private loadFailed = false;
  private firstFrameAt: number | null = null;
  private lastResultAt: number | null = null;
  private smoothed: number | null = null;
  private consecutiveSafe = 0;
  private consecutiveFailures = 0;
  /** Enough safe frames in a row since the start or since the filter last fell behind. */
  private verified = false;
  /** An explicit flag is waiting for the person's decision. */
  private flagged = false;
  /** Explicit content was seen and the score has not yet come back to safe. */
  private episodeOpen = false;
  private shownAnyway = false;

  constructor(
    private readonly settings: FilterSettings,
    private readonly startedAt: number,
  ) {}

  classifierLoaded(at: number): void {
    this.loaded = true;
    this.loadFailed = false;
    // Staleness is measured from when the classifier could first have answered.
    if (this.firstFrameAt !== null) this.lastResultAt = Math.max(this.lastResultAt ?? at, at);
  }

  classifierFailed(): void {
    this.loadFailed = true;
  }

  /** A frame was taken from the video and sent for classification. */
  frameGrabbed(at: number): void {
    if (this.firstFrameAt === null) {
      this.firstFrameAt = at;
      if (this.loaded) this.lastResultAt = at;
    }
  }

  classificationFailed(): void {
    this.consecutiveFailures += 1;
  }

  scored(scores: ClassScores, at: number): ScoredOutcome {
    const explicit = explicitScore(scores);
    const weight = this.settings.smoothingWeight;
    const smoothed = this.smoothed === null ? explicit : weight * explicit + (1 - weight) * this.smoothed;
    this.smoothed = smoothed;
    this.lastResultAt = at;
    this.consecutiveFailures = 0;

    let flaggedNow = false;
    if (explicit >= this.settings.instantFlagAt || smoothed >= this.settings.smoothedFlagAt) {
      this.consecutiveSafe = 0;
      if (!this.episodeOpen) {
        this.episodeOpen = true;
        this.flagged = true;
        flaggedNow = true;
      }
    } else if (explicit < this.settings.safeBelow && smoothed < this.settings.safeBelow) {
      this.consecutiveSafe += 1;
      if (this.consecutiveSafe >= this.settings.safeFramesToReveal) {
        this.verified = true;
        this.episodeOpen = false;
      }
    } else {
      // Between safe and flagged: not proof of anything, so it does not count towards revealing.
      this.consecutiveSafe = 0;
    }
    return { explicit, smoothed, flaggedNow };
  }

  /** The person chose to see the video as it is. */
  showAnyway(): void {
    this.shownAnyway = true;
    this.flagged = false;
  }

  /** Where the filter stands at `at`; also notices when it has fallen behind. */
  evaluate(at: number): FilterView {
    const behind = this.isBehind(at);
    if (behind) {
      // After catching up, the video must be verified again before it is shown.
      this.verified = false;
      this.consecutiveSafe = 0;
    }
    const unavailable = this.isUnavailable(at);
    let reason: BlurReason | null = null;
    if (this.flagged) reason = 'explicit';
    else if (!this.shownAnyway) {
      if (unavailable) reason = 'unavailable';
      else if (behind) reason = 'behind';
      else if (!this.verified) reason = 'checking';
    }
    return { blurred: reason !== null, reason };
  }

  private isUnavailable(at: number): boolean {
    if (this.loadFailed) return true;
    if (!this.loaded && at - this.startedAt >= this.settings.loadTimeoutMs) return true;
    return this.consecutiveFailures >= this.settings.failuresBeforeUnavailable;
  }

  private isBehind(at: number): boolean {
    if (!this.loaded || this.lastResultAt === null) return false;
    return at - this.lastResultAt > this.settings.staleAfterMs;
  }
}
