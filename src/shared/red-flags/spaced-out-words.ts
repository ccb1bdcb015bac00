/**
 * Puts back together words written apart to dodge filters: letter by letter
 * ("w h a t s a p p", "s.n.a.p", "a/s/l") or cut in pieces ("insta gram",
 * "te-le-gram", "pay pal"). A rebuilt word only replaces the original when it
 * yields a word the guard cares about, so "u r a star" stays as written.
 */
import { CHAT_VOCABULARY, MEANINGFUL_WORDS, segmentIntoWords } from './chat-vocabulary';
import { CHAT_APPS } from './chat-apps';
import { bentNameFor, correctSpelling, listedSpelling } from './common-misspellings';

/** A word of the message and the characters that separated it from the previous one. */
export interface Piece {
  readonly text: string;
  readonly gapBefore: string;
}

/** Words people cut in pieces to dodge filters; pieces are rejoined only into one of these. */
const SPLIT_TARGETS: ReadonlySet<string> = new Set([
  ...CHAT_APPS.map((app) => app.word),
  'number',
  'address',
  'phone',
  'email',
  'nudes',
  'naked',
  'money',
  'camera',
  'webcam',
  'bitcoin',
  'paypal',
  'cashapp',
  'venmo',
  'zelle',
  'crypto',
  'wishlist',
  'sexy',
  'school',
]);

/** A gap that can sit inside an evaded word: spaces or a symbol, but not the end of a sentence. */
function isInsideWordGap(gap: string): boolean {
  if (gap.length === 0 || gap.length > 3 || /[?!,;:()\n]/.test(gap)) return false;
  return !(gap.includes('.') && /\s/.test(gap));
}

const isWhitespace = (gap: string): boolean => /^\s+$/.test(gap);
const isSingleLetter = (piece: Piece): boolean => piece.text.length === 1 && /[a-z]/.test(piece.text);

/** Rebuilds the words of one run of single letters, or returns undefined if it spells nothing the guard cares about. */
function rebuildLetterRun(run: readonly Piece[]): string[] | undefined {
  // "w.h.e.r.e d.o y.o.u": when both kinds of gaps appear, the spaces separate words.
  const mixedGaps =
    run.slice(1).some((piece) => isWhitespace(piece.gapBefore)) && run.slice(1).some((piece) => !isWhitespace(piece.gapBefore));
  const groups: string[] = [];
  run.forEach((piece, index) => {
    if (index === 0 || (mixedGaps && isWhitespace(piece.gapBefore))) groups.push(piece.text);
    else groups[groups.length - 1] += piece.text;
  });
  const words: string[] = [];
  for (const group of groups) {
    const segmented = group.length === 1 ? [group] : segmentIntoWords(group);
    if (segmented === undefined) return undefined;
    words.push(...segmented);
  }
  return words.some((word) => MEANINGFUL_WORDS.has(word)) ? words : undefined;
}

export function rejoinSpacedLetters(pieces: readonly Piece[]): Piece[] {
  const result: Piece[] = [];
  let index = 0;
  while (index < pieces.length) {
    const first = pieces[index];
    if (first === undefined) break;
    let end = index + 1;
    if (isSingleLetter(first)) {
      while (end < pieces.length) {
        const piece = pieces[end];
        if (piece === undefined || !isSingleLetter(piece) || !isInsideWordGap(piece.gapBefore)) break;
        end++;
      }
    }
    const run = pieces.slice(index, end);
    const mixedGaps = run.some((piece, i) => i > 0 && !isWhitespace(piece.gapBefore));
    const rebuilt = run.length >= 3 || (run.length === 2 && mixedGaps) ? rebuildLetterRun(run) : undefined;
    if (rebuilt === undefined) {
      result.push(...run);
    } else {
      rebuilt.forEach((text, i) => result.push({ text, gapBefore: i === 0 ? first.gapBefore : ' ' }));
    }
    index = end;
  }
  return result;
}

/** Joins two or three neighbouring pieces when together they spell a split target ("dis cord", "num-ber"). */
export function rejoinSplitWords(pieces: readonly Piece[]): Piece[] {
  // Worked out once per piece: whether it is plain letters, an everyday word, or already a whole target.
  const plain = pieces.map((piece) => /^[a-z]+$/.test(piece.text));
  const everyday = pieces.map((piece) => CHAT_VOCABULARY.has(piece.text));
  const wholeTarget = pieces.map((piece) => SPLIT_TARGETS.has(correctSpelling(piece.text)));
  const result: Piece[] = [];
  let index = 0;
  while (index < pieces.length) {
    const first = pieces[index];
    if (first === undefined) break;
    let joined: Piece | undefined;
    let used = 1;
    for (const size of [3, 2]) {
      const end = index + size;
      if (end > pieces.length) continue;
      const group = pieces.slice(index, end);
      if (!group.every((piece, i) => plain[index + i] === true && (i === 0 || isInsideWordGap(piece.gapBefore)))) continue;
      // Everyday words side by side stay apart ("can we chat" is not WeChat).
      if (everyday.slice(index, end).every(Boolean)) continue;
      const text = group.map((piece) => piece.text).join('');
      if (text.length < 4 || text.length > 14) continue;
      const listed = SPLIT_TARGETS.has(text) ? text : listedSpelling(text);
      // A near miss is only guessed for a word cut short ("wats app"), and must not swallow a neighbour
      // of a whole name ("whatsap me").
      const cutShort = group.some((piece) => piece.text.length <= 3);
      const bent = listed === undefined && cutShort && !wholeTarget.slice(index, end).some(Boolean) ? bentNameFor(text) : undefined;
      const target = listed ?? bent;
      if (target !== undefined && SPLIT_TARGETS.has(target)) {
        joined = { text: target, gapBefore: first.gapBefore };
        used = size;
        break;
      }
    }
    result.push(joined ?? first);
    index += used;
  }
  return result;
}
