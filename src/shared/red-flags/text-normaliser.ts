/**
 * Turns a chat message into the canonical form the detectors read: plain
 * lowercase words with lookalikes, leetspeak, spaced-out letters and common
 * misspellings undone, and punctuation reduced to "?" (a question) and "."
 * (the end of a clause).
 */
import { foldLookalikes } from './lookalike-characters';
import { LEET_SYMBOLS, decodeLeetspeak } from './leetspeak';
import { correctSpelling } from './common-misspellings';
import { rejoinSpacedLetters, rejoinSplitWords, type Piece } from './spaced-out-words';

export interface NormalisedMessage {
  /** Lowercase, lookalikes folded, digits and punctuation kept: for phone numbers, addresses and links. */
  readonly folded: string;
  /** Canonical words and the marks "?" and ".", single-spaced, with a space at each end. */
  readonly text: string;
}

/** An amount of money ("$50", "20€", "£1,000", "$$$") becomes one word, so "$" is not read as the letter s. */
const MONEY_AMOUNT = /[$€£]\s?\d[\d,.]*(?:\s?k\b)?|\b\d[\d,.]*\s?[$€£]|\${2,}/g;
const WORD_CHAR = /[a-z0-9]/;
const APOSTROPHE = /['’ʼ`´]/;
/** No real word is longer; capping keeps the work per word small whatever is pasted in. */
const LONGEST_WORD = 40;

function splitIntoPieces(folded: string): { pieces: Piece[]; trailingGap: string } {
  const pieces: Piece[] = [];
  const chars = [...folded];
  // A run of symbols counts as letters only when a letter or digit follows it ("c@$h", not "too!!"):
  // for each position, whether the first character after its run of symbols is a letter or digit.
  const wordCharAfterSymbols: boolean[] = new Array<boolean>(chars.length + 1).fill(false);
  for (let index = chars.length - 1; index >= 0; index--) {
    const next = chars[index + 1] ?? '';
    wordCharAfterSymbols[index] = WORD_CHAR.test(next) || (LEET_SYMBOLS.has(next) && (wordCharAfterSymbols[index + 1] ?? false));
  }
  let gap = '';
  let word = '';
  chars.forEach((char, index) => {
    const next = chars[index + 1] ?? '';
    const nextIsWordish = wordCharAfterSymbols[index] ?? false;
    if (WORD_CHAR.test(char)) {
      word += char;
    } else if (word !== '' && LEET_SYMBOLS.has(char) && nextIsWordish) {
      word += char; // "c@sh", "wh*re": a symbol between letters is a letter in disguise
    } else if (word !== '' && APOSTROPHE.test(char) && /[a-z]/.test(next)) {
      // "what's" reads as "whats"
    } else {
      if (word !== '') pieces.push({ text: word.slice(0, LONGEST_WORD), gapBefore: gap });
      if (word !== '') gap = '';
      word = '';
      gap += char;
    }
  });
  if (word !== '') {
    pieces.push({ text: word.slice(0, LONGEST_WORD), gapBefore: gap });
    gap = '';
  }
  return { pieces, trailingGap: gap };
}

/** What a gap between words still says once the words are canonical. */
function marksIn(gap: string, isLast: boolean): string[] {
  const marks: string[] = [];
  const standsAlone = isLast || /\s/.test(gap);
  if (standsAlone && /(^|\s)@(?=[\s?.!,]|$)/.test(gap)) marks.push('at'); // "what's your @ on insta"
  if (standsAlone && /(^|\s)#(?=[\s?.!,]|$)/.test(gap)) marks.push('number'); // "what's ur #?", not "shadow#4421"
  if (gap.includes('?')) marks.push('?');
  else if (/[.!,;:()\n]/.test(gap)) marks.push('.');
  return marks;
}

export function normaliseMessage(raw: string): NormalisedMessage {
  const folded = foldLookalikes(raw);
  const { pieces, trailingGap } = splitIntoPieces(folded.replace(MONEY_AMOUNT, ' moneyamount '));
  const decoded = pieces.map((piece) => ({ text: decodeLeetspeak(piece.text), gapBefore: piece.gapBefore }));
  const rebuilt = rejoinSplitWords(rejoinSpacedLetters(decoded));
  const tokens: string[] = [];
  for (const piece of rebuilt) {
    tokens.push(...marksIn(piece.gapBefore, false), ...correctSpelling(piece.text).split(' '));
  }
  tokens.push(...marksIn(trailingGap, true));
  return { folded, text: ` ${tokens.join(' ')} ` };
}
