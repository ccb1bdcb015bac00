/**
 * Precision and recall of the guard per category, against a labelled corpus
 * (tests/fixtures/red-flags-corpus.jsonl: one {"text", "flags", "part"} per
 * line). Shared by the benchmark and the tests so both count the same way.
 */
import { z } from 'zod';
import { RED_FLAG_CATEGORIES, redFlagCategorySchema, type RedFlagCategory } from './red-flag-categories';

export const CORPUS_PARTS = ['dev', 'held-out', 'blind'] as const;

export const corpusEntrySchema = z.strictObject({
  text: z.string().min(1),
  flags: z.array(redFlagCategorySchema),
  /**
   * "dev": the rules were tuned on these. "held-out": written before any rule existed and never tuned on
   * (but known to whoever wrote the rules). "blind": written after the rules were final and never tuned on,
   * the fairest estimate of how the guard does on phrasing it has not seen.
   */
  part: z.enum(CORPUS_PARTS),
});
export type CorpusEntry = z.infer<typeof corpusEntrySchema>;

/** Parses a JSONL corpus, naming the line of the first bad entry. */
export function parseCorpus(jsonl: string): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  jsonl.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`corpus line ${index + 1}: not JSON (${(error as Error).message})`, { cause: error });
    }
    const parsed = corpusEntrySchema.safeParse(value);
    if (!parsed.success) throw new Error(`corpus line ${index + 1}: ${z.prettifyError(parsed.error)}`);
    entries.push(parsed.data);
  });
  return entries;
}

export interface CategoryScore {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Of the messages flagged with this category, the share that should be (1 when none were flagged). */
  readonly precision: number;
  /** Of the messages that should carry this category, the share that were flagged (1 when there were none). */
  readonly recall: number;
  /** How many messages carry this category in the labels. */
  readonly support: number;
}

export interface Detection {
  readonly expected: readonly RedFlagCategory[];
  readonly detected: readonly RedFlagCategory[];
}

const rounded = (value: number): number => Math.round(value * 1000) / 1000;

export function scoreDetections(detections: readonly Detection[]): Record<RedFlagCategory, CategoryScore> {
  const scores = {} as Record<RedFlagCategory, CategoryScore>;
  for (const category of RED_FLAG_CATEGORIES) {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const { expected, detected } of detections) {
      const should = expected.includes(category);
      const did = detected.includes(category);
      if (should && did) truePositives++;
      else if (did) falsePositives++;
      else if (should) falseNegatives++;
    }
    const flagged = truePositives + falsePositives;
    const support = truePositives + falseNegatives;
    scores[category] = {
      truePositives,
      falsePositives,
      falseNegatives,
      precision: flagged === 0 ? 1 : rounded(truePositives / flagged),
      recall: support === 0 ? 1 : rounded(truePositives / support),
      support,
    };
  }
  return scores;
}
