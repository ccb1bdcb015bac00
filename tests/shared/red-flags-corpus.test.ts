import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RED_FLAG_CATEGORIES, detectRedFlags } from '../../src/shared/red-flags';
import { parseCorpus, scoreDetections } from '../../src/shared/red-flags/detection-scores';

const corpusText = readFileSync(new URL('../fixtures/red-flags-corpus.jsonl', import.meta.url), 'utf8');
const corpus = parseCorpus(corpusText);

describe('the labelled red-flag corpus', () => {
  it('has at least 300 messages, every category, and parts that were not tuned on', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    for (const category of RED_FLAG_CATEGORIES) {
      expect(corpus.filter((entry) => entry.flags.includes(category)).length, category).toBeGreaterThanOrEqual(20);
    }
    const untuned = corpus.filter((entry) => entry.part !== 'dev').length;
    expect(untuned / corpus.length).toBeGreaterThanOrEqual(0.25);
    expect(new Set(corpus.map((entry) => entry.text)).size).toBe(corpus.length); // no duplicates
  });

  it('holds the hard negatives the issue names, and many more unflagged messages', () => {
    const unflagged = corpus.filter((entry) => entry.flags.length === 0);
    for (const text of ['I live for music', 'my number one band', 'can you tell me about your day']) {
      expect(
        unflagged.some((entry) => entry.text.includes(text)),
        text,
      ).toBe(true);
    }
    expect(unflagged.length / corpus.length).toBeGreaterThanOrEqual(0.35);
  });

  it('meets the target on the whole corpus: precision >= 0.95 and recall >= 0.9 in every category', () => {
    const scores = scoreDetections(
      corpus.map((entry) => ({ expected: entry.flags, detected: detectRedFlags(entry.text).map((flag) => flag.category) })),
    );
    for (const category of RED_FLAG_CATEGORIES) {
      expect(scores[category].precision, `${category} precision`).toBeGreaterThanOrEqual(0.95);
      expect(scores[category].recall, `${category} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('parseCorpus', () => {
  it('names the line of a bad entry', () => {
    const good = '{"text": "hi", "flags": [], "part": "dev"}';
    expect(() => parseCorpus(`${good}\n{"text": "x", "flags": ["gossip"], "part": "dev"}`)).toThrow(/corpus line 2/);
    expect(() => parseCorpus(`${good}\n\n{oops`)).toThrow(/corpus line 3: not JSON/);
    expect(parseCorpus(`${good}\n`)).toHaveLength(1);
  });
});

describe('scoreDetections', () => {
  it('counts true and false positives and negatives per category', () => {
    const scores = scoreDetections([
      { expected: ['money'], detected: ['money'] },
      { expected: ['money'], detected: [] },
      { expected: [], detected: ['money', 'personal-info'] },
      { expected: ['money', 'personal-info'], detected: ['money', 'personal-info'] },
    ]);
    expect(scores.money).toEqual({ truePositives: 2, falsePositives: 1, falseNegatives: 1, precision: 0.667, recall: 0.667, support: 3 });
    expect(scores['personal-info']).toMatchObject({ precision: 0.5, recall: 1, support: 1 });
    expect(scores['avoids-video']).toMatchObject({ precision: 1, recall: 1, support: 0 });
  });
});
