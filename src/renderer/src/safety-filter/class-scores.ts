/**
 * What the NSFW classifier says about one frame: a probability per class
 * (nsfwjs's five classes, summing to about 1), and the one number the
 * filter decides on.
 */
import { z } from 'zod';

export const CLASS_NAMES = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'] as const;

const probability = z.number().min(0).max(1);
export const classScoresSchema = z.strictObject({
  Drawing: probability,
  Hentai: probability,
  Neutral: probability,
  Porn: probability,
  Sexy: probability,
});
export type ClassScores = z.infer<typeof classScoresSchema>;

/**
 * The filter decides on the explicit classes only. "Sexy" is left out on
 * purpose: it fires on benign photos of people in party clothes or
 * swimwear, and blurring those would teach people to click "Show anyway"
 * without looking.
 */
export function explicitScore(scores: ClassScores): number {
  return Math.min(1, scores.Porn + scores.Hentai);
}

/** Builds scores from nsfwjs's `{ className, probability }` list; classes it leaves out score 0. */
export function scoresFromPredictions(predictions: ReadonlyArray<{ className: string; probability: number }>): ClassScores {
  const raw: Record<string, number> = { Drawing: 0, Hentai: 0, Neutral: 0, Porn: 0, Sexy: 0 };
  for (const { className, probability: value } of predictions) {
    if (!(className in raw)) throw new Error(`Unknown classifier class "${className}"`);
    // Float32 softmax outputs can overshoot 1 by an ulp.
    raw[className] = Math.min(1, Math.max(0, value));
  }
  return classScoresSchema.parse(raw);
}
