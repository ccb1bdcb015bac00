/**
 * The outgoing privacy guard: before a message leaves, finds what in it could
 * identify or reach the sender outside Cam-Party (a phone number, an email
 * address, a street address, a social handle, a link or invite to another
 * chat app) and says why in plain words, for a "Send anyway?" prompt. Pure
 * and synchronous, nothing leaves the device. Whether it runs at all is the
 * person's setting, decided by the caller.
 */
import { z } from 'zod';
import { chatAppName } from './red-flags/chat-apps';
import { findChatAppLinks, findEmailAddresses, findHandles, findPhoneNumbers } from './red-flags/contact-details';
import { pressesToLeavePlatform } from './red-flags/leave-platform-detector';
import { ALL_APPS } from './red-flags/phrase-patterns';
import { normaliseMessage } from './red-flags/text-normaliser';

export const PRIVACY_CONCERN_KINDS = ['phone-number', 'email-address', 'street-address', 'social-handle', 'chat-app'] as const;

export const privacyConcernSchema = z.strictObject({
  kind: z.enum(PRIVACY_CONCERN_KINDS),
  /** One plain sentence for the prompt: what was found and why it matters. */
  reason: z.string().min(1),
  /** The part of the message that raised it, as the guard read it. */
  found: z.string(),
});
export type PrivacyConcern = z.infer<typeof privacyConcernSchema>;
export type PrivacyConcernKind = PrivacyConcern['kind'];

/** Longest message the guard reads; the chat's own limit is far lower. */
export const MAX_CHECKED_MESSAGE_LENGTH = 20_000;

const STREET_TYPES =
  'street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|terrace|crescent|close|' +
  'square|sq|parkway|pkwy|highway|hwy|circle|cir|alley|row|gardens|grove|mews|strasse|calle|rue|weg|gasse|straat';
/** Words that show a number and a road are a distance or a count, not an address ("5 km down the road"). */
const NOT_A_STREET_NAME = new Set(
  (
    'the a an of down up from to my your our his her their on in at by and with for near off along across km ' +
    'miles mi minutes mins min blocks block houses doors steps hours times people cars years days metres meters ' +
    'feet ft is was are were it this that'
  ).split(' '),
);
const NUMBERED_STREET = new RegExp(`\\b(\\d{1,5}[a-z]?(?:-\\d{1,5})?,?\\s+((?:[a-z][a-z'.-]*\\s+){1,3})(?:${STREET_TYPES}))\\b\\.?`, 'g');
const LIVES_ON_STREET = new RegExp(
  `\\b((?:live|living|stay|staying|house|home|place|apartment|flat)\\s+(?:is\\s+)?(?:on|at|in)\\s+` +
    `((?:[a-z][a-z'.-]*\\s+){1,3})(?:${STREET_TYPES}))\\b`,
  'g',
);
const UNIT_NUMBER = /\b(?:apt|apartment|flat|unit|suite|ste)\.?\s*#?\s*\d+[a-z]?\b/g;
const UK_POSTCODE = /\b[a-z]{1,2}\d[a-z\d]?\s*\d(?!st|nd|rd|th)[a-z]{2}\b/g;
const US_ZIP = /\bzip(?:\s*code)?\s*(?:is|:)?\s*\d{5}(?:-\d{4})?\b/g;

export function findStreetAddresses(folded: string): string[] {
  const found: string[] = [];
  for (const pattern of [NUMBERED_STREET, LIVES_ON_STREET]) {
    for (const match of folded.matchAll(pattern)) {
      const nameWords = (match[2] ?? '').trim().split(/\s+/);
      if (nameWords.some((word) => NOT_A_STREET_NAME.has(word))) continue;
      found.push((match[1] ?? match[0]).trim());
    }
  }
  for (const pattern of [UNIT_NUMBER, UK_POSTCODE, US_ZIP]) {
    for (const match of folded.matchAll(pattern)) found.push(match[0].trim());
  }
  return found;
}

/** Names apps go by in everyday writing, for "my snap is ..." and "on insta: ...". */
const APP_NAMES_AS_WRITTEN =
  'snapchat|snap|instagram|insta|ig|whatsapp|telegram|tg|tele|skype|discord|kik|facebook|fb|tiktok|twitter|' +
  'signal|viber|wechat|threads|bluesky|reddit|steam|xbox|psn|twitch|youtube|onlyfans';
/** "my snap is jake_22", "insta: lola.vibes", "on discord it's shadow" and the like. */
const APP_HANDLE = new RegExp(
  `\\b(?:my|on|add me on|follow me on|find me on)\\s+(?:${APP_NAMES_AS_WRITTEN})` +
    `(?:\\s+(?:name|username|user name|handle|id|tag|account|at))?\\s*(?:is|:|=|-|@|it's|its)\\s*@?` +
    `([a-z0-9_][a-z0-9_.]{1,29})`,
  'g',
);
const NOT_A_HANDLE = new Set(
  'and if too so but lol though please pls now account is the a an down dead private gone broken banned hacked'.split(' '),
);

/** The handles named after an app ("jake_22" in "my snap is jake_22"). */
export function findAppHandles(folded: string): string[] {
  const found: string[] = [];
  for (const match of folded.matchAll(APP_HANDLE)) {
    const handle = (match[1] ?? '').replace(/\.+$/, '');
    if (handle.length >= 2 && !NOT_A_HANDLE.has(handle)) found.push(handle);
  }
  return found;
}

const APP_WORD = new RegExp(` ${ALL_APPS} `);
const NO_CONTACTS = { phoneNumbers: [], emailAddresses: [], chatAppLinks: [], handles: [] } as const;

const plain = (items: readonly string[]): string => [...new Set(items)].join(', ');
const quoted = (items: readonly string[]): string => [...new Set(items)].map((item) => `"${item}"`).join(', ');

/** What in an outgoing message could expose the sender, each with its reason; empty when nothing does. */
export function checkOutgoingMessage(text: string): PrivacyConcern[] {
  if (typeof text !== 'string') throw new TypeError('checkOutgoingMessage expects the message text as a string');
  if (text.length > MAX_CHECKED_MESSAGE_LENGTH) {
    throw new RangeError(`checkOutgoingMessage reads at most ${MAX_CHECKED_MESSAGE_LENGTH} characters; this message has ${text.length}`);
  }
  const message = normaliseMessage(text);
  const { folded } = message;
  const concerns: PrivacyConcern[] = [];

  const phones = findPhoneNumbers(folded);
  if (phones.length > 0) {
    concerns.push({
      kind: 'phone-number',
      found: plain(phones),
      reason: `It contains a phone number (${quoted(phones)}). Anyone who has it can call or text you outside Cam-Party.`,
    });
  }
  const emails = findEmailAddresses(folded);
  if (emails.length > 0) {
    concerns.push({
      kind: 'email-address',
      found: plain(emails),
      reason: `It contains an email address (${quoted(emails)}). It can be used to find you or contact you outside Cam-Party.`,
    });
  }
  const addresses = findStreetAddresses(folded);
  if (addresses.length > 0) {
    concerns.push({
      kind: 'street-address',
      found: plain(addresses),
      reason: `It looks like a street address (${quoted(addresses)}). It tells a stranger where you live or spend time.`,
    });
  }
  const atHandles = findHandles(folded);
  const handles = [...atHandles, ...findAppHandles(folded).filter((handle) => !atHandles.some((at) => at.replace(/^@/, '') === handle))];
  if (handles.length > 0) {
    concerns.push({
      kind: 'social-handle',
      found: plain(handles),
      reason: `It contains a social media handle (${quoted(handles)}). It leads a stranger to your profile, photos and friends.`,
    });
  }
  const links = findChatAppLinks(folded);
  if (links.length > 0 || pressesToLeavePlatform(message, NO_CONTACTS)) {
    const appWord = APP_WORD.exec(message.text)?.[0].trim();
    const app = links[0]?.app ?? (appWord === undefined ? undefined : chatAppName(appWord));
    // "call me on 555..." already has its reason; a second, vaguer one would only add noise.
    const saidAlready = app === undefined && links.length === 0 && concerns.length > 0;
    if (!saidAlready)
      concerns.push({
        kind: 'chat-app',
        found: links.length > 0 ? plain(links.map((link) => link.link)) : (app ?? ''),
        reason:
          app === undefined
            ? 'It invites them to continue outside Cam-Party, where Report, Block and Skip no longer protect you.'
            : `It invites them to ${app}, where Cam-Party's Report, Block and Skip no longer protect you.`,
      });
  }
  return concerns;
}
