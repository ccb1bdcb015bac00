/** Summary statistics for benchmark samples, and the same-run comparison of ours with a reference. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Nearest-rank: the smallest sample with at least `fraction` of samples at or below it.
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1]!;
}

export const roundTo = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: roundTo(percentile(sorted, 0.5), 1),
    p95: roundTo(percentile(sorted, 0.95), 1),
    min: roundTo(sorted[0] ?? Number.NaN, 1),
    max: roundTo(sorted.at(-1) ?? Number.NaN, 1),
  };
}

/** Samples of each named figure, e.g. { joinToFirstFrameMs: [...], nextToFirstFrameMs: [...] }. */
export type Figures = Record<string, readonly number[]>;

export interface Ratio {
  median: number | null;
  p95: number | null;
}

export interface Comparison {
  ours: Record<string, Summary>;
  reference: Record<string, Summary>;
  /** ours / reference for each figure both sides have; null where the reference is 0 or missing. */
  ratio: Record<string, Ratio>;
}

/** ours / reference, to three digits; null when it cannot be formed. */
export function ratioOf(ours: number, reference: number): number | null {
  if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference === 0) return null;
  return roundTo(ours / reference, 3);
}

export function compareFigures(ours: Figures, reference: Figures): Comparison {
  const summaries = (figures: Figures) => Object.fromEntries(Object.entries(figures).map(([name, samples]) => [name, summarize(samples)]));
  const oursSummary = summaries(ours);
  const referenceSummary = summaries(reference);
  const ratio: Record<string, Ratio> = {};
  for (const [name, summary] of Object.entries(oursSummary)) {
    const yardstick = referenceSummary[name];
    ratio[name] = {
      median: yardstick ? ratioOf(summary.median, yardstick.median) : null,
      p95: yardstick ? ratioOf(summary.p95, yardstick.p95) : null,
    };
  }
  return { ours: oursSummary, reference: referenceSummary, ratio };
}

/**
 * Runs `rounds` rounds, each one ours then the reference, so both see the
 * same machine at nearly the same moment (slow minutes hit both sides).
 */
export async function interleaveRounds(
  rounds: number,
  sides: { ours: (round: number) => Promise<void>; reference: (round: number) => Promise<void> },
): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await sides.ours(round);
    await sides.reference(round);
  }
}
