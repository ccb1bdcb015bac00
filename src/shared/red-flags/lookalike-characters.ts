/**
 * Folds the characters people use to slip words past filters onto plain
 * lowercase ASCII: fullwidth and "fancy" letters, accents, invisible
 * characters, and Cyrillic or Greek letters that look like Latin ones.
 * Digits and punctuation are kept (phone numbers and handles need them);
 * leetspeak is decoded later, word by word.
 */

/** Lowercase letters from other scripts that render like a Latin letter. */
const LOOKALIKE_LETTERS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  ɡ: 'g',
  ь: 'b',
  // Greek
  α: 'a',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  ς: 's',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  // Latin letters that do not decompose into a base letter and a mark
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ŀ: 'l',
  ɑ: 'a',
  ɩ: 'i',
  ʀ: 'r',
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
};

/**
 * Emoji and emoticons that carry the meaning of a message ("what are you
 * wearing ;)"), turned into words so the detectors can read them.
 */
const MEANINGFUL_EMOJI: ReadonlyArray<readonly [RegExp, string]> = [
  [/;-?\)|😉|😜|😘/gu, ' wink '],
  [/😏/gu, ' smirk '],
  [/😈|👿/gu, ' devil '],
  [/🍆|🍑|💦|👅|🥵/gu, ' lewd '],
];

const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/gu;

export function foldLookalikes(raw: string): string {
  // NFKC turns fullwidth, circled and mathematical letters into plain ones;
  // NFD then splits accents off so they can be dropped.
  let text = raw.normalize('NFKC');
  for (const [pattern, word] of MEANINGFUL_EMOJI) text = text.replace(pattern, word);
  text = text.normalize('NFD').replace(INVISIBLE, '').toLowerCase();
  let folded = '';
  for (const char of text) folded += LOOKALIKE_LETTERS[char] ?? char;
  return folded;
}
