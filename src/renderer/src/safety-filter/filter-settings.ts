/**
 * The numbers the incoming-video filter runs on, in one place, with why.
 * Thresholds apply to the explicit score (Porn + Hentai, see class-scores).
 */
import { z } from 'zod';

export const filterSettingsSchema = z
  .strictObject({
    /** One frame at or above this blurs at once. */
    instantFlagAt: z.number().gt(0).max(1),
    /** The smoothed score at or above this blurs too: catches sustained, moderate scores. */
    smoothedFlagAt: z.number().gt(0).max(1),
    /** Weight of the newest frame in the exponential moving average (0..1]. */
    smoothingWeight: z.number().gt(0).max(1),
    /** A frame counts as safe when both its score and the smoothed score are below this. */
    safeBelow: z.number().gt(0).max(1),
    /** Consecutive safe frames before a new stranger's video is shown unblurred. */
    safeFramesToReveal: z.number().int().min(1),
    /** Share of one core the classification cycle may use, measured per classification (grab to result). */
    maxCoreShare: z.number().gt(0).max(1),
    /** Never classify more often than this (start to start). */
    minIntervalMs: z.number().int().min(0),
    /** No result for this long, once frames flow: the filter has fallen behind. */
    staleAfterMs: z.number().int().min(1),
    /** The classifier has not loaded after this long: treat it as unavailable. */
    loadTimeoutMs: z.number().int().min(1),
    /** This many classifications failing in a row: the classifier is unavailable. */
    failuresBeforeUnavailable: z.number().int().min(1),
  })
  .refine((settings) => settings.safeBelow <= settings.smoothedFlagAt, {
    message: 'safeBelow must not exceed smoothedFlagAt, or a frame could be both safe and flagged',
  })
  .refine((settings) => settings.smoothedFlagAt <= settings.instantFlagAt, {
    message: 'smoothedFlagAt must not exceed instantFlagAt',
  });
export type FilterSettings = z.infer<typeof filterSettingsSchema>;

export const DEFAULT_FILTER_SETTINGS: FilterSettings = filterSettingsSchema.parse({
  // Measured explicit scores of benign input (tests/e2e/safety-filter.spec.ts): the two test
  // photos of people at most 0.011, Chromium's fake camera at most 0.08. Far below every threshold.
  instantFlagAt: 0.7,
  smoothedFlagAt: 0.5,
  smoothingWeight: 0.5,
  safeBelow: 0.3,
  safeFramesToReveal: 3,
  // The cap is a quarter of a core for the whole filter. The grab-to-result time the budget
  // measures misses the frame grabs, the scene-change thumbnails and the hidden <video>: with
  // 0.2 here the whole filter measured 0.24 of a core (bench/filter-bench.ts), too close to
  // the cap, so the classification cycle gets 0.17.
  maxCoreShare: 0.17,
  // At most four classifications a second: "a few times a second" is enough for a blur decision.
  minIntervalMs: 250,
  staleAfterMs: 3000,
  loadTimeoutMs: 20_000,
  failuresBeforeUnavailable: 3,
});

export function resolveFilterSettings(overrides: Partial<FilterSettings> = {}): FilterSettings {
  return filterSettingsSchema.parse({ ...DEFAULT_FILTER_SETTINGS, ...overrides });
}
