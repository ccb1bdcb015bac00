/**
 * `npm run bench:redflags`: precision and recall of the red-flag guard per
 * category on the labelled corpus: all of it, and each part on its own
 * ("dev" was tuned on; "held-out" and "blind" never were, see
 * detection-scores.ts), plus throughput. Prints JSON.
 * `--misses` also lists the messages it gets wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectRedFlags } from '../src/shared/red-flags';
import { CORPUS_PARTS, parseCorpus, scoreDetections, type CorpusEntry } from '../src/shared/red-flags/detection-scores';

const CORPUS = fileURLToPath(new URL('../tests/fixtures/red-flags-corpus.jsonl', import.meta.url));
const TARGET = { precision: 0.95, recall: 0.9 };

function evaluate(entries: readonly CorpusEntry[]) {
  const detections = entries.map((entry) => ({
    text: entry.text,
    expected: entry.flags,
    detected: detectRedFlags(entry.text).map((flag) => flag.category),
  }));
  return { messages: entries.length, categories: scoreDetections(detections), detections };
}

function measureThroughput(texts: readonly string[]): { messagesPerSecond: number; microsecondsPerMessage: number } {
  for (const text of texts) detectRedFlags(text); // warm up the regular expressions
  let messages = 0;
  const started = performance.now();
  while (performance.now() - started < 1000) {
    for (const text of texts) detectRedFlags(text);
    messages += texts.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    messagesPerSecond: Math.round(messages / seconds),
    microsecondsPerMessage: Math.round(((seconds * 1e6) / messages) * 10) / 10,
  };
}

const entries = parseCorpus(readFileSync(CORPUS, 'utf8'));
const all = evaluate(entries);
const meetsTarget = Object.values(all.categories).every((score) => score.precision >= TARGET.precision && score.recall >= TARGET.recall);
const showMisses = process.argv.includes('--misses');
const misses = (result: ReturnType<typeof evaluate>) =>
  result.detections
    .filter((d) => [...d.expected].sort().join() !== [...d.detected].sort().join())
    .map(({ text, expected, detected }) => ({ text, expected, detected }));
const parts = Object.fromEntries(
  CORPUS_PARTS.map((part) => {
    const result = evaluate(entries.filter((entry) => entry.part === part));
    return [part, { messages: result.messages, categories: result.categories, ...(showMisses ? { misses: misses(result) } : {}) }];
  }),
);

const report = {
  corpus: 'tests/fixtures/red-flags-corpus.jsonl',
  target: TARGET,
  meetsTarget,
  all: { messages: all.messages, categories: all.categories },
  parts,
  throughput: measureThroughput(entries.map((entry) => entry.text)),
};
console.log(JSON.stringify(report, null, 2));
