/**
 * The filter loop for one stranger's video: grab a frame, classify it, feed
 * the decision, wait as long as the core budget requires, repeat. The
 * classifier, the frame source and the clock are parameters, so the policy
 * runs in Node with injected scores and in the browser with the real worker.
 */
import type { ClassScores } from './class-scores';
import { delayAfterClassification } from './classification-budget';
import { FilterDecision, type FilterView } from './filter-decision';
import type { FrameClassification, FrameClassifier } from './frame-classifier';
import { DEFAULT_FILTER_SETTINGS, type FilterSettings } from './filter-settings';

export interface FilterClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Reads the globals at each call, so test fake timers apply. */
export const systemClock: FilterClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ClassificationSample {
  scores: ClassScores;
  explicit: number;
  smoothed: number;
  /** Grab to result, wall clock. */
  durationMs: number;
  /** When the result reached the filter (clock time). */
  at: number;
}

export interface IncomingVideoFilterOptions<Frame> {
  classifier: FrameClassifier<Frame>;
  /** The newest frame of the video, or null when it has none yet. */
  grabFrame(): Promise<Frame | null>;
  releaseFrame(frame: Frame): void;
  onChange(view: FilterView): void;
  /** Receives (and then owns) the frame that started an explicit episode. */
  onFlaggedFrame?(frame: Frame, scores: ClassScores): void;
  onClassified?(sample: ClassificationSample): void;
  settings?: FilterSettings;
  clock?: FilterClock;
}

export interface IncomingVideoFilter {
  view(): FilterView;
  showAnyway(): void;
  stop(): void;
}

export function startIncomingVideoFilter<Frame>(options: IncomingVideoFilterOptions<Frame>): IncomingVideoFilter {
  const settings = options.settings ?? DEFAULT_FILTER_SETTINGS;
  const clock = options.clock ?? systemClock;
  const decision = new FilterDecision(settings, clock.now());
  let current = decision.evaluate(clock.now());
  let stopped = false;
  let cycleTimer: unknown = null;
  let watchTimer: unknown = null;

  const publish = (): void => {
    if (stopped) return;
    const next = decision.evaluate(clock.now());
    if (next.blurred === current.blurred && next.reason === current.reason) return;
    current = next;
    options.onChange(next);
  };

  const schedule = (delayMs: number): void => {
    if (stopped) return;
    cycleTimer = clock.setTimeout(() => void cycle(), delayMs);
  };

  const cycle = async (): Promise<void> => {
    if (stopped) return;
    const startedAt = clock.now();
    let frame: Frame | null = null;
    try {
      frame = await options.grabFrame();
    } catch {
      // A frame that cannot be read is a frame not classified; staleness catches a lasting fault.
    }
    if (stopped) {
      if (frame !== null) options.releaseFrame(frame);
      return;
    }
    if (frame === null) {
      schedule(settings.minIntervalMs);
      return;
    }
    decision.frameGrabbed(startedAt);
    let result: FrameClassification<Frame>;
    try {
      result = await options.classifier.classify(frame);
    } catch {
      if (stopped) return;
      decision.classificationFailed();
      publish();
      schedule(delayAfterClassification(clock.now() - startedAt, settings));
      return;
    }
    if (stopped) {
      if (result.frame !== undefined) options.releaseFrame(result.frame);
      return;
    }
    const at = clock.now();
    const outcome = decision.scored(result.scores, at);
    publish();
    if (result.frame !== undefined) {
      if (outcome.flaggedNow && options.onFlaggedFrame) options.onFlaggedFrame(result.frame, result.scores);
      else options.releaseFrame(result.frame);
    }
    options.onClassified?.({
      scores: result.scores,
      explicit: outcome.explicit,
      smoothed: outcome.smoothed,
      durationMs: at - startedAt,
      at,
    });
    schedule(delayAfterClassification(clock.now() - startedAt, settings));
  };

  // Notices a classifier that went quiet or never loaded, between results.
  const watch = (): void => {
    publish();
    if (!stopped) watchTimer = clock.setTimeout(watch, Math.min(250, settings.staleAfterMs / 2));
  };

  options.classifier.load().then(
    () => {
      if (stopped) return;
      decision.classifierLoaded(clock.now());
      publish();
      schedule(0);
    },
    () => {
      decision.classifierFailed();
      publish();
    },
  );
  watch();

  return {
    view: () => current,
    showAnyway: () => {
      decision.showAnyway();
      publish();
    },
    stop: () => {
      stopped = true;
      if (cycleTimer !== null) clock.clearTimeout(cycleTimer);
      if (watchTimer !== null) clock.clearTimeout(watchTimer);
    },
  };
}
