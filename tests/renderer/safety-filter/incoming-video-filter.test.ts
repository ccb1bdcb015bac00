import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClassScores } from '../../../src/renderer/src/safety-filter/class-scores';
import type { FilterView } from '../../../src/renderer/src/safety-filter/filter-decision';
import type { FrameClassifier } from '../../../src/renderer/src/safety-filter/frame-classifier';
import { DEFAULT_FILTER_SETTINGS as settings } from '../../../src/renderer/src/safety-filter/filter-settings';
import {
  startIncomingVideoFilter,
  type ClassificationSample,
  type IncomingVideoFilter,
} from '../../../src/renderer/src/safety-filter/incoming-video-filter';

const SAFE: ClassScores = { Drawing: 0.01, Hentai: 0.01, Neutral: 0.95, Porn: 0.01, Sexy: 0.02 };
const EXPLICIT: ClassScores = { Drawing: 0, Hentai: 0.1, Neutral: 0.02, Porn: 0.85, Sexy: 0.03 };

interface Frame {
  id: number;
}

/**
 * A classifier that takes `durationMs` of (fake) time per frame and answers
 * with whatever `scores` holds at that moment; it records its busy time.
 */
function scriptedClassifier(durationMs: number, load: () => Promise<void> = () => Promise.resolve()) {
  const state = {
    scores: SAFE,
    busyMs: 0,
    classified: 0,
    hang: false,
  };
  const classifier: FrameClassifier<Frame> = {
    load,
    classify: (frame) =>
      new Promise((resolve) => {
        if (state.hang) return;
        // A simulated classification cost on vitest's fake clock, not a pause.
        // eslint-disable-next-line no-restricted-syntax
        setTimeout(() => {
          state.busyMs += durationMs;
          state.classified += 1;
          resolve({ scores: state.scores, frame });
        }, durationMs);
      }),
  };
  return { classifier, state };
}

/** Starts a filter over a video that always has a frame, tracking every frame's fate. */
function run(classifier: FrameClassifier<Frame>, hasFrame: () => boolean = () => true) {
  const sceneWatchers = new Set<() => void>();
  let nextId = 0;
  const grabbed: number[] = [];
  const released: number[] = [];
  const flagged: Array<{ frame: Frame; scores: ClassScores }> = [];
  const views: Array<FilterView & { at: number }> = [];
  const samples: ClassificationSample[] = [];
  const filter: IncomingVideoFilter = startIncomingVideoFilter<Frame>({
    classifier,
    grabFrame: async () => {
      if (!hasFrame()) return null;
      const frame = { id: nextId++ };
      grabbed.push(frame.id);
      return frame;
    },
    releaseFrame: (frame) => released.push(frame.id),
    onChange: (view) => views.push({ ...view, at: performance.now() }),
    onFlaggedFrame: (frame, scores) => flagged.push({ frame, scores }),
    onClassified: (sample) => samples.push(sample),
    watchSceneChanges: (onChange) => {
      sceneWatchers.add(onChange);
      return () => sceneWatchers.delete(onChange);
    },
  });
  const changeScene = (): void => sceneWatchers.forEach((onChange) => onChange());
  return { filter, grabbed, released, flagged, views, samples, changeScene, sceneWatchers };
}

describe('incoming video filter loop', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never uses more than a quarter of a core, whatever a classification costs', async () => {
    for (const durationMs of [40, 100, 180]) {
      const { classifier, state } = scriptedClassifier(durationMs);
      const { filter } = run(classifier);
      await vi.advanceTimersByTimeAsync(30_000);
      filter.stop();
      // Busy at most the budgeted share, plus the credit it may hold (two classifications)
      // and one classification cut by the end of the window.
      const allowed = settings.maxCoreShare * 30_000 + 3 * durationMs;
      expect(settings.maxCoreShare).toBeLessThanOrEqual(0.25);
      expect(state.busyMs, `${durationMs} ms a classification`).toBeLessThanOrEqual(allowed);
      // And it does not idle more than it must: the reserve is filled once, then the cycle spends it all.
      const expected = Math.min(settings.maxCoreShare, durationMs / settings.minIntervalMs) * 30_000;
      expect(state.busyMs, `${durationMs} ms a classification`).toBeGreaterThanOrEqual(expected - 3 * durationMs);
    }
  });

  it('classifies a new scene at once, from the reserve, instead of waiting for the cycle', async () => {
    const { classifier, state } = scriptedClassifier(90);
    const { filter, samples, changeScene, views } = run(classifier);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(filter.view().blurred).toBe(false);
    expect(samples.every((sample) => sample.trigger === 'cycle')).toBe(true);
    // Right after a cycle's result: the next cycle is a good 300 ms away.
    const results = samples.length;
    while (samples.length === results) await vi.advanceTimersByTimeAsync(1);
    state.scores = EXPLICIT;
    const changedAt = performance.now();
    changeScene();
    await vi.advanceTimersByTimeAsync(200);
    const changed = samples.find((sample) => sample.trigger === 'scene-change')!;
    expect(changed.at - changed.durationMs).toBe(changedAt);
    expect(views.find((view) => view.reason === 'explicit')!.at).toBe(changedAt + 90);
    filter.stop();
  });

  it('a change during a classification is classified right after it', async () => {
    const { classifier } = scriptedClassifier(90);
    const { filter, samples, grabbed, changeScene } = run(classifier);
    await vi.advanceTimersByTimeAsync(3_000);
    const grabs = grabbed.length;
    while (grabbed.length === grabs) await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(30);
    changeScene();
    await vi.advanceTimersByTimeAsync(1_000);
    const index = samples.findIndex((sample) => sample.trigger === 'scene-change');
    const [interrupted, changed] = [samples[index - 1]!, samples[index]!];
    expect(interrupted.trigger).toBe('cycle');
    expect(changed.at - changed.durationMs).toBe(interrupted.at);
    filter.stop();
  });

  it('a picture that never stops changing still keeps the classifier within its share', async () => {
    const { classifier, state } = scriptedClassifier(90);
    const { filter, changeScene } = run(classifier);
    const churn = setInterval(changeScene, 20);
    await vi.advanceTimersByTimeAsync(30_000);
    clearInterval(churn);
    filter.stop();
    expect(state.busyMs).toBeLessThanOrEqual(settings.maxCoreShare * 30_000 + 3 * 90);
    expect(state.busyMs).toBeGreaterThanOrEqual(settings.maxCoreShare * 30_000 - 3 * 90);
  });

  it('stops watching the scene when stopped', async () => {
    const { classifier } = scriptedClassifier(50);
    const { filter, sceneWatchers } = run(classifier);
    expect(sceneWatchers.size).toBe(1);
    filter.stop();
    expect(sceneWatchers.size).toBe(0);
  });

  it('classifies a few times a second when classifications are cheap', async () => {
    const { classifier, state } = scriptedClassifier(10);
    const { filter } = run(classifier);
    await vi.advanceTimersByTimeAsync(10_000);
    filter.stop();
    expect(state.classified).toBeGreaterThanOrEqual(38);
    expect(state.classified).toBeLessThanOrEqual(41);
  });

  it('starts blurred, shows the video after three safe frames, and blurs in the same instant an explicit result arrives', async () => {
    const { classifier, state } = scriptedClassifier(80);
    const { filter, views, samples, flagged } = run(classifier);
    expect(filter.view()).toEqual({ blurred: true, reason: 'checking' });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(filter.view()).toEqual({ blurred: false, reason: null });

    state.scores = EXPLICIT;
    await vi.advanceTimersByTimeAsync(1_000);
    const explicitSample = samples.find((sample) => sample.scores === EXPLICIT)!;
    const blurredView = views.find((view) => view.reason === 'explicit')!;
    expect(blurredView.at).toBe(explicitSample.at);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.scores).toBe(EXPLICIT);
    filter.stop();
  });

  it('hands every grabbed frame back exactly once: released, or kept as the flagged frame', async () => {
    const { classifier, state } = scriptedClassifier(60);
    const { filter, grabbed, released, flagged } = run(classifier);
    await vi.advanceTimersByTimeAsync(1_500);
    state.scores = EXPLICIT;
    await vi.advanceTimersByTimeAsync(1_500);
    filter.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    const returned = [...released, ...flagged.map(({ frame }) => frame.id)].sort((a, b) => a - b);
    expect(returned).toEqual(grabbed);
    expect(flagged).toHaveLength(1);
  });

  it('stays blurred as "unavailable" and never grabs a frame when the classifier cannot load', async () => {
    const { classifier } = scriptedClassifier(50, () => Promise.reject(new Error('no wasm')));
    const { filter, grabbed, views } = run(classifier);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(views.map((view) => view.reason)).toEqual(['unavailable']);
    expect(grabbed).toEqual([]);
    filter.showAnyway();
    expect(filter.view()).toEqual({ blurred: false, reason: null });
    filter.stop();
  });

  it('blurs as "behind" when the classifier stops answering', async () => {
    const { classifier, state } = scriptedClassifier(80);
    const { filter, views } = run(classifier);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(filter.view().blurred).toBe(false);
    state.hang = true;
    await vi.advanceTimersByTimeAsync(settings.staleAfterMs + 1_000);
    expect(filter.view()).toEqual({ blurred: true, reason: 'behind' });
    expect(views.map((view) => view.reason)).toEqual([null, 'behind']);
    filter.stop();
  });

  it('waits for the first frame without calling the filter behind, then checks it', async () => {
    let frames = false;
    const { classifier, state } = scriptedClassifier(50);
    const { filter } = run(classifier, () => frames);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.classified).toBe(0);
    expect(filter.view().reason).toBe('checking');
    frames = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(filter.view().blurred).toBe(false);
    filter.stop();
  });

  it('turns repeated classification failures into "unavailable", still within the budget', async () => {
    const failing: FrameClassifier<Frame> = {
      load: () => Promise.resolve(),
      // A worker that fails after 40 ms of fake-clock time, not a pause.
      // eslint-disable-next-line no-restricted-syntax
      classify: () => new Promise((_, reject) => setTimeout(() => reject(new Error('worker crashed')), 40)),
    };
    const { filter, grabbed } = run(failing);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(filter.view()).toEqual({ blurred: true, reason: 'unavailable' });
    // One grab at the start, then at most one per minimum interval.
    expect(grabbed.length).toBeLessThanOrEqual(Math.floor(2_000 / settings.minIntervalMs) + 1);
    filter.stop();
  });

  it('grabs nothing more after stop()', async () => {
    const { classifier } = scriptedClassifier(50);
    const { filter, grabbed } = run(classifier);
    await vi.advanceTimersByTimeAsync(1_000);
    filter.stop();
    const count = grabbed.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(grabbed.length).toBe(count);
  });
});
