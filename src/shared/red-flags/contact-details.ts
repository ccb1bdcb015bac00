/**
 * Finds contact details written into a message: phone numbers (also spelled
 * out, "five five five..."), email addresses (also "name at gmail dot com"),
 * profile and invite links of other chat apps, and @handles. Reads the folded
 * text, where digits and punctuation survive.
 */
import { CHAT_APPS } from './chat-apps';

export interface ChatAppLink {
  readonly app: string;
  readonly link: string;
}

export interface ContactDetails {
  readonly phoneNumbers: readonly string[];
  readonly emailAddresses: readonly string[];
  readonly chatAppLinks: readonly ChatAppLink[];
  readonly handles: readonly string[];
}

const DIGIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['zero', '0'],
  ['one', '1'],
  ['two', '2'],
  ['three', '3'],
  ['four', '4'],
  ['five', '5'],
  ['six', '6'],
  ['seven', '7'],
  ['eight', '8'],
  ['nine', '9'],
  ['niner', '9'],
]);
const SEPARATOR = /^(\s+|[,.\-()/])?$/;

/** Spelled-out digits become digits, so "five five five, two one eight..." reads as a number. */
export function spellDigits(folded: string): string {
  const words = folded.split(/(\s+|[,.\-()/])/);
  const isDigit = (word: string | undefined): boolean =>
    word !== undefined && (/^\d+$/.test(word) || DIGIT_WORDS.has(word) || /^(double|triple)$/.test(word));
  // "oh" and "o" are zero only between other digits ("five oh one").
  const nextToDigit = (index: number): boolean =>
    [-1, 1].some((step) => {
      let i = index + step;
      while (i >= 0 && i < words.length && SEPARATOR.test(words[i] ?? '')) i += step;
      return isDigit(words[i]);
    });
  return words
    .map((word, index) => ((word === 'oh' || word === 'o') && nextToDigit(index) ? '0' : (DIGIT_WORDS.get(word) ?? word)))
    .join('')
    .replace(/\b(double|triple)\s+(\d)/g, (_, times: string, digit: string) => digit.repeat(times === 'double' ? 2 : 3));
}

const PHONE_CANDIDATE = /\+?\(?\d(?:[\d\s().,\u2013-]*\d)?/g;

function looksLikePhoneNumber(candidate: string, before: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (/[$€£]\s*$/.test(before)) return false; // an amount of money
  const trimmed = candidate.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return false; // 1,000,000
  if (/^\d+\.\d+$/.test(trimmed)) return false; // a decimal
  if (/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(trimmed)) return false; // a date
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(trimmed)) return false; // an IP address
  const groups = trimmed.split(/[^\d]+/).filter((group) => group.length > 0);
  if (groups.length >= 2 && groups.every((group) => /^(19|20)\d\d$/.test(group))) return false; // a list of years
  return true;
}

export function findPhoneNumbers(folded: string): string[] {
  const spelled = spellDigits(folded);
  const found: string[] = [];
  for (const match of spelled.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0].replace(/[\s,.(-]+$/, '');
    if (looksLikePhoneNumber(candidate, spelled.slice(0, match.index))) found.push(candidate.trim());
  }
  return found;
}

/** Lengths are bounded (as in RFC 5321) so a long run of letters cannot make the search quadratic. */
const EMAIL = /(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.[a-z]{2,24}/g;
const MAIL_PROVIDERS = 'gmail|googlemail|yahoo|hotmail|outlook|live|icloud|me|mac|aol|proton|protonmail|pm|gmx|yandex|mail|msn|web';
const TOP_LEVEL_DOMAINS = 'com|net|org|edu|io|me|co|uk|de|fr|es|it|nl|ca|au|in|ru|br|pl|se|ch|info';
/** "kate at gmail dot com", "kate (at) gmail.com", "kate @ gmail dot com". */
const SPELLED_EMAIL = new RegExp(
  `(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}\\s*(?:\\(at\\)|\\[at\\]|\\{at\\}|\\s+at\\s+|@)\\s*(?:(?:${MAIL_PROVIDERS})\\s*(?:\\(dot\\)|\\[dot\\]|\\s+dot\\s+|\\.)\\s*(?:${TOP_LEVEL_DOMAINS})|[a-z0-9-]+\\s*(?:\\(dot\\)|\\[dot\\]|\\s+dot\\s+)\\s*(?:${TOP_LEVEL_DOMAINS}))\\b`,
  'g',
);

export function findEmailAddresses(folded: string): string[] {
  const plain = [...folded.matchAll(EMAIL)].map((match) => match[0]);
  const withoutPlain = folded.replace(EMAIL, ' ');
  const spelled = [...withoutPlain.matchAll(SPELLED_EMAIL)].map((match) => match[0].trim());
  return [...plain, ...spelled];
}

const escapeForRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const APP_LINKS = CHAT_APPS.flatMap((app) =>
  app.linkPrefixes.map((prefix) => ({
    app: app.name,
    pattern: new RegExp(`(?:^|[\\s/@(.,:;"'<])(?:https?://)?(?:www\\.)?${escapeForRegExp(prefix)}[^\\s]*`, 'g'),
  })),
);

export function findChatAppLinks(folded: string): ChatAppLink[] {
  const links: ChatAppLink[] = [];
  for (const { app, pattern } of APP_LINKS) {
    for (const match of folded.matchAll(pattern)) {
      const link = match[0].replace(/^[\s/@(.,:;"'<]/, '');
      if (!links.some((known) => known.link === link)) links.push({ app, link });
    }
  }
  return links;
}

const AT_HANDLE = /(?:^|[\s(:,;"'])@([a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?)/g;
const DISCORD_TAG = /\b[a-z0-9_.]{2,32}#\d{4}\b/g;

export function findHandles(folded: string): string[] {
  const handles = [...folded.matchAll(AT_HANDLE)].map((match) => `@${match[1] ?? ''}`);
  const tags = [...folded.matchAll(DISCORD_TAG)].map((match) => match[0]);
  return [...handles, ...tags];
}

export function findContactDetails(folded: string): ContactDetails {
  return {
    phoneNumbers: findPhoneNumbers(folded),
    emailAddresses: findEmailAddresses(folded),
    chatAppLinks: findChatAppLinks(folded),
    handles: findHandles(folded),
  };
}
