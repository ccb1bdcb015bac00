/**
 * The filter loop for one stranger's video: grab a frame, classify it, feed
 * the decision, wait as long as the core budget requires, repeat. When the
 * picture changes a lot (a new scene: the moment explicit content usually
 * arrives), the next classification starts at once, paid from the budget's
 * reserve. The classifier, the frame source and the clock are parameters, so
 * the policy runs in Node with injected scores and in the browser with the
 * real worker.
 */
import type { ClassScores } from './class-scores';
import { ClassificationBudget } from './classification-budget';
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
  /** Why this frame was classified: the regular cycle, or a change of picture. */
  trigger: ClassificationTrigger;
}

export type ClassificationTrigger = 'cycle' | 'scene-change';

export interface IncomingVideoFilterOptions<Frame> {
  classifier: FrameClassifier<Frame>;
  /** The newest frame of the video, or null when it has none yet. */
  grabFrame(): Promise<Frame | null>;
  releaseFrame(frame: Frame): void;
  /**
   * Calls `onChange` when the picture has changed a lot since the last grab;
   * returns the unsubscribe. Without it the filter runs on its cycle alone.
   */
  watchSceneChanges?(onChange: () => void): () => void;
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
  const budget = new ClassificationBudget(settings.maxCoreShare, clock.now());
  let current = decision.evaluate(clock.now());
  let stopped = false;
  let loaded = false;
  let classifying = false;
  let sceneChanged = false;
  let lastCycleStartAt = Number.NEGATIVE_INFINITY;
  let cycleTimer: unknown = null;
  let watchTimer: unknown = null;

  const publish = (): void => {
    if (stopped) return;
    const next = decision.evaluate(clock.now());
    if (next.blurred === current.blurred && next.reason === current.reason) return;
    current = next;
    options.onChange(next);
  };

  /** (Re)arms the timer for the next classification; a scene change may bring it forward. */
  const planNext = (): void => {
    if (stopped || !loaded || classifying) return;
    if (cycleTimer !== null) clock.clearTimeout(cycleTimer);
    const now = clock.now();
    const trigger: ClassificationTrigger = sceneChanged ? 'scene-change' : 'cycle';
    const waitMs =
      trigger === 'scene-change'
        ? budget.waitMs('reserve', now)
        : Math.max(budget.waitMs('regular', now), lastCycleStartAt + settings.minIntervalMs - now);
    cycleTimer = null;
    // At once when it can: a timer hop would add its own few milliseconds to a scene change.
    if (waitMs <= 0) return void classifyNext(trigger);
    cycleTimer = clock.setTimeout(() => {
      cycleTimer = null;
      void classifyNext(trigger);
    }, waitMs);
  };

  const finish = (startedAt: number): void => {
    classifying = false;
    budget.end(clock.now() - startedAt, clock.now());
    planNext();
  };

  const classifyNext = async (trigger: ClassificationTrigger): Promise<void> => {
    if (stopped) return;
    classifying = true;
    const startedAt = clock.now();
    if (trigger === 'cycle') lastCycleStartAt = startedAt;
    // The grab is the new reference picture: changes are measured from it.
    sceneChanged = false;
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
      classifying = false;
      lastCycleStartAt = startedAt;
      planNext();
      return;
    }
    decision.frameGrabbed(startedAt);
    budget.begin(clock.now());
    let result: FrameClassification<Frame>;
    try {
      result = await options.classifier.classify(frame);
    } catch {
      if (stopped) return;
      decision.classificationFailed();
      publish();
      finish(startedAt);
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
      trigger,
    });
    finish(startedAt);
  };

  const unwatchScene = options.watchSceneChanges?.(() => {
    sceneChanged = true;
    planNext();
  });

  // Notices a classifier that went quiet or never loaded, between results.
  const watch = (): void => {
    publish();
    if (!stopped) watchTimer = clock.setTimeout(watch, Math.min(250, settings.staleAfterMs / 2));
  };

  options.classifier.load().then(
    () => {
      if (stopped) return;
      loaded = true;
      decision.classifierLoaded(clock.now());
      publish();
      planNext();
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
      unwatchScene?.();
      if (cycleTimer !== null) clock.clearTimeout(cycleTimer);
      if (watchTimer !== null) clock.clearTimeout(watchTimer);
    },
  };
}
