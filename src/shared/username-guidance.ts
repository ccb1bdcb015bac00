/**
 * Username guidance from the safety guide: avoid real names, birth years and
 * location-specific handles. The check only warns, it never blocks; the
 * renderer runs it while the person types and the server returns the same
 * warnings at sign-up.
 */
import { z } from 'zod';
import { FIRST_NAMES, ORDINARY_WORDS_CONTAINING_NAMES, PLACE_NAMES } from './username-guidance-names';

export const usernameWarningKind = z.enum(['email', 'phone', 'year', 'first-name', 'place-name']);
export type UsernameWarningKind = z.infer<typeof usernameWarningKind>;

export const usernameWarningSchema = z.strictObject({
  kind: usernameWarningKind,
  /** The part of the username that caused the warning, as typed. */
  match: z.string().max(256),
  message: z.string().max(512),
});
export type UsernameWarning = z.infer<typeof usernameWarningSchema>;

/** Longer input is cut: the check runs on every keystroke and usernames are short anyway. */
const MAX_CHECKED_LENGTH = 128;

const EMAIL_ADDRESS = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
/** An "@" followed by a big mail provider is an address even without ".com". */
const EMAIL_AT_PROVIDER = /[a-z0-9._%+-]+@(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|proton|protonmail|gmx|aol|yandex|live|msn)\b/gi;
/** Provider names that are not English words, spotted even without an "@" ("jo_gmail_com"). */
const MAIL_PROVIDER_WORD = /gmail|googlemail|hotmail|protonmail|icloud|yandex/gi;
/** A written date with a 19xx/20xx year: 24.12.1990, 1990-12-24, 12/24/1990. */
const DATE = /(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2})(?!\d)/g;
/** Seven or more digits, optionally after "+" and split by spaces, dots, dashes or brackets. */
const PHONE_NUMBER = /\+?\(?\d(?:[\s().-]{0,2}\d){6,}/g;
/** A run of exactly four digits (no digit right before or after). */
const FOUR_DIGITS = /(?<!\d)\d{4}(?!\d)/g;

type NameKind = 'first-name' | 'place-name' | 'both';

const letters = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');

const singleWordNames = new Map<string, { display: string; kind: NameKind }>();
const multiWordPlaces = new Map<string, string>();
for (const [list, kind] of [
  [FIRST_NAMES, 'first-name'],
  [PLACE_NAMES, 'place-name'],
] as const) {
  for (const display of list) {
    const key = letters(display);
    if (key.length < 3) continue;
    if (/[\s-]/.test(display.trim())) {
      multiWordPlaces.set(key, display);
      continue;
    }
    const existing = singleWordNames.get(key);
    singleWordNames.set(key, { display: existing?.display ?? display, kind: existing && existing.kind !== kind ? 'both' : kind });
  }
}
const longestName = Math.max(...[...singleWordNames.keys()].map((key) => key.length));
const ordinaryWords = new RegExp(ORDINARY_WORDS_CONTAINING_NAMES.map((word) => letters(word)).join('|'), 'g');

/** Returns the reasons, in plain words, why a username may identify the person; empty when none. */
export function usernameWarnings(username: string): UsernameWarning[] {
  const text = username.slice(0, MAX_CHECKED_LENGTH);
  const warnings: UsernameWarning[] = [];
  const add = (kind: UsernameWarningKind, match: string, message: string): void => {
    if (!warnings.some((warning) => warning.kind === kind && warning.match.toLowerCase() === match.toLowerCase())) {
      warnings.push({ kind, match, message });
    }
  };

  let textWithoutEmails = text;
  for (const pattern of [EMAIL_ADDRESS, EMAIL_AT_PROVIDER]) {
    for (const found of textWithoutEmails.matchAll(pattern)) {
      add(
        'email',
        found[0],
        `"${found[0]}" looks like an email address. Strangers could use it to contact you or find your other accounts.`,
      );
    }
    textWithoutEmails = textWithoutEmails.replace(pattern, ' ');
  }
  for (const found of text.matchAll(MAIL_PROVIDER_WORD)) {
    if (warnings.some((warning) => warning.kind === 'email')) break;
    add('email', found[0], `"${found[0]}" points to an email address. Strangers could use it to contact you or find your other accounts.`);
  }

  let textWithoutDates = text;
  for (const found of text.matchAll(DATE)) {
    add('year', found[0], `"${found[0]}" looks like a date. A birth date tells strangers how old you are.`);
    textWithoutDates = textWithoutDates.replace(found[0], ' ');
  }

  let textWithoutPhones = textWithoutDates;
  for (const found of textWithoutDates.matchAll(PHONE_NUMBER)) {
    add('phone', found[0], `"${found[0]}" looks like a phone number. Keep phone numbers out of your username.`);
    textWithoutPhones = textWithoutPhones.replace(found[0], ' ');
  }

  for (const found of textWithoutPhones.matchAll(FOUR_DIGITS)) {
    if (found[0].startsWith('19') || found[0].startsWith('20')) {
      add('year', found[0], `"${found[0]}" looks like a year. A birth year tells strangers how old you are.`);
    }
  }

  // The whole text, email included: the part before the "@" often holds a real name.
  for (const { display, kind } of namesIn(text)) {
    if (kind === 'place-name') {
      add('place-name', display, `"${display}" is a place name. A town, region or country helps strangers work out where you live.`);
    } else {
      const also = kind === 'both' ? ' (and a place name)' : '';
      add('first-name', display, `"${display}" is a common first name${also}. A real name makes you easier to find outside the app.`);
    }
  }
  return warnings;
}

/** Splits "CoolJessica_1990" into "cool", "jessica": at non-letters and at lower-to-upper case changes. */
function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length > 0);
}

/**
 * Names found in the text. To keep false alarms rare, short names count only
 * as a whole word ("leo" in "leo_fan", not in "leopard"); five-letter names
 * also at the start or end of a word ("coolalice"); names of six letters or
 * more anywhere in a word; and everyday words that contain a name ("malice",
 * "parish") are cut out first.
 */
function namesIn(text: string): { display: string; kind: NameKind }[] {
  const found: { display: string; kind: NameKind; word: number; start: number; end: number }[] = [];
  const allWords = words(text);
  allWords.forEach((word, wordIndex) => {
    const exact = singleWordNames.get(word);
    if (exact) {
      found.push({ ...exact, word: wordIndex, start: 0, end: word.length });
      return;
    }
    for (const piece of piecesWithoutOrdinaryWords(word)) {
      for (let start = piece.start; start < piece.end; start += 1) {
        for (let end = start + 5; end <= Math.min(piece.end, start + longestName); end += 1) {
          const name = singleWordNames.get(word.slice(start, end));
          if (!name) continue;
          const length = end - start;
          const atEdge = start === piece.start || end === piece.end;
          if (length >= 6 || (length === 5 && atEdge)) found.push({ ...name, word: wordIndex, start, end });
        }
      }
    }
  });
  // "alexandra" also holds "alexa": keep only the longest of overlapping names.
  const kept = found.filter(
    (candidate) =>
      !found.some(
        (other) =>
          other !== candidate &&
          other.word === candidate.word &&
          other.end - other.start > candidate.end - candidate.start &&
          other.start <= candidate.start &&
          other.end >= candidate.end,
      ),
  );
  const joined = allWords.join('');
  const places = [...multiWordPlaces]
    .filter(([key]) => joined.includes(key))
    .map(([, display]) => ({ display, kind: 'place-name' as const }));
  return [...places, ...kept];
}

/** The stretches of a word left after cutting out the everyday words that contain a name. */
function piecesWithoutOrdinaryWords(word: string): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let start = 0;
  for (const ordinary of word.matchAll(ordinaryWords)) {
    if (ordinary.index > start) pieces.push({ start, end: ordinary.index });
    start = ordinary.index + ordinary[0].length;
  }
  if (start < word.length) pieces.push({ start, end: word.length });
  return pieces;
}
