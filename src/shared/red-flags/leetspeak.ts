/**
 * Reads leetspeak inside a word back as letters ("sn@pch4t", "n00dz",
 * "numb3r"), and fills masked letters ("wh*re"). Words without letters stay
 * as they are, so phone numbers and amounts keep their digits.
 */
import { CHAT_VOCABULARY } from './chat-vocabulary';
import { correctSpelling } from './common-misspellings';

/** Symbols that stand for a letter, with the likeliest letter first. */
const LEET_LETTERS: Readonly<Record<string, readonly string[]>> = {
  '0': ['o'],
  '1': ['i', 'l'],
  '3': ['e'],
  '4': ['a'],
  '5': ['s'],
  '7': ['t'],
  '9': ['g'],
  '@': ['a'],
  $: ['s'],
  '!': ['i', 'l'],
  '|': ['l', 'i'],
  '€': ['e'],
};

/** Symbols that may sit inside a word as a letter (digits are handled on their own). */
export const LEET_SYMBOLS: ReadonlySet<string> = new Set(['@', '$', '!', '|', '€', '*']);

/** Numbers with a unit or an ordinal ("5pm", "2nd", "24yo") are not leetspeak. */
const NUMBER_WITH_UNIT = /^\d+(?:st|nd|rd|th|am|pm|k|m|s|yo|y|x|d|g|p|h|hr|hrs|min|mins|mb|gb|kb|hz|kg|km|cm|mm|ft|in|lb|lbs)$/;

/** Two or more digits at the end of a word are part of a name ("jakey22"), not letters. */
const TRAILING_NUMBER = /\d{2,}$/;

const MAX_VARIANTS = 16;
/** More masked letters than this ("a*b*c*d") are not a word anyone can read back: left as written. */
const MAX_MASKED_LETTERS = 2;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function isResolved(word: string): boolean {
  return CHAT_VOCABULARY.has(word) || correctSpelling(word) !== word;
}

export function decodeLeetspeak(word: string): string {
  if (!/[a-z]/.test(word) || NUMBER_WITH_UNIT.test(word)) return word;
  const trailing = TRAILING_NUMBER.exec(word)?.[0] ?? '';
  const body = word.slice(0, word.length - trailing.length);
  const suffix = trailing;
  if (!/[0-9@$!|€*]/.test(body)) return word;
  const masked = body.split('*').length - 1;
  if (masked > MAX_MASKED_LETTERS) return word;

  // Every reading of the ambiguous symbols, first choices first; "*" may be any letter.
  let variants = [''];
  for (const char of body) {
    const choices = char === '*' ? [...LETTERS] : (LEET_LETTERS[char] ?? [char]);
    const next: string[] = [];
    for (const prefix of variants) {
      for (const choice of choices) next.push(prefix + choice);
    }
    variants = next.length > MAX_VARIANTS * LETTERS.length ? next.slice(0, MAX_VARIANTS * LETTERS.length) : next;
  }
  // A masked letter may be anything, so only an exact vocabulary word resolves it.
  const exact = variants.find((variant) => CHAT_VOCABULARY.has(variant));
  const known = exact ?? (body.includes('*') ? undefined : variants.find(isResolved));
  const decoded = known ?? (body.includes('*') ? body : (variants[0] ?? body));
  return decoded + suffix;
}
