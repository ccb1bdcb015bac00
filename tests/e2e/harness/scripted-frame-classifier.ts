/**
 * A FrameClassifier for the test page and the benchmark that answers with
 * scores the test sets, after a set delay: the only way to drive the
 * explicit path in a real browser, since no explicit test data may ship.
 * It records when each answer was handed to the page.
 */
import { classScoresSchema, type ClassScores } from '../../../src/renderer/src/safety-filter/class-scores';
import type { FrameClassification, FrameClassifier } from '../../../src/renderer/src/safety-filter/frame-classifier';

export const BENIGN_SCORES: ClassScores = { Drawing: 0.01, Hentai: 0.01, Neutral: 0.95, Porn: 0.01, Sexy: 0.02 };

export interface ScriptedFrameClassifier extends FrameClassifier<ImageBitmap> {
  setScores(scores: ClassScores): void;
  /** performance.now() when each answer was returned, with its scores. */
  readonly answers: Array<{ at: number; scores: ClassScores }>;
}

export function createScriptedFrameClassifier(options: { delayMs: number; failLoad?: boolean }): ScriptedFrameClassifier {
  let scores = BENIGN_SCORES;
  const answers: Array<{ at: number; scores: ClassScores }> = [];
  return {
    answers,
    setScores: (next) => {
      scores = classScoresSchema.parse(next);
    },
    load: () => (options.failLoad ? Promise.reject(new Error('Scripted load failure')) : Promise.resolve()),
    classify: (frame) =>
      new Promise<FrameClassification<ImageBitmap>>((resolve) => {
        // The classifier's latency is what the tests script: this timer is the thing under test.
        // eslint-disable-next-line no-restricted-syntax
        setTimeout(() => {
          const answer = scores;
          answers.push({ at: performance.now(), scores: answer });
          resolve({ scores: answer, frame });
        }, options.delayMs);
      }),
  };
}
