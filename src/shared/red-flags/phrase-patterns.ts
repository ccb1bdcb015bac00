/**
 * Building blocks for the detectors' phrases. Every phrase runs on the
 * normalised text: canonical words separated by single spaces, "?" and "."
 * as words of their own, and a space at each end, so " add me " is a whole
 * phrase and a gap of words never runs across the end of a clause.
 */
import { CHAT_APPS } from './chat-apps';

/** Up to `most` words, never crossing "?" or ".". */
export const gap = (most: number): string => `(?:[a-z0-9]+ ){0,${most}}`;

/** Compiles phrases written as regular-expression source. */
export const phrases = (...sources: readonly string[]): RegExp[] => sources.map((source) => new RegExp(source));

export const matchesAny = (text: string, patterns: readonly RegExp[]): boolean => patterns.some((pattern) => pattern.test(text));

/** Apps made for talking one to one: asking whether someone "has" one is asking to move there. */
export const MESSAGING_APPS = '(?:whatsapp|snapchat|snap|telegram|skype|kik|discord|signal|viber|wechat|line|messenger|imessage|facetime)';
/** Every other app or social network a stranger can be found on. */
export const ALL_APPS = `(?:${[...new Set([...CHAT_APPS.map((app) => app.word), 'snap'])].join('|')})`;
/** Apps and network names that cannot be mistaken for an everyday word. */
export const UNAMBIGUOUS_APPS = '(?:whatsapp|snapchat|skype|instagram|discord|kik|facebook|viber|wechat|tiktok|imessage|facetime|onlyfans)';

/** Ways of asking someone for something of theirs. */
export const ASK =
  '(?:what is|what are|whats|give me|send me|drop|tell me|share|post|type|write|leave|can i (?:get|have|see|know)|' +
  'could i (?:get|have|see|know)|may i (?:get|have|see|know)|i (?:want|need) (?:to know )?|let me (?:get|have|know|see))';

/** Small amounts and counts, written in digits or words. */
export const AMOUNT =
  '(?:\\d+|moneyamount|one|two|three|four|five|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|' +
  'a hundred|thousand|a thousand|a few|few|some|a little|a bit of|a couple|a couple of)';
