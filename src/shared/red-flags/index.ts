/**
 * The on-device red-flag guard for incoming chat messages. Pure and
 * synchronous: no network, no DOM, nothing leaves the device.
 *
 *   detectRedFlags("add me on sn@pchat") // → [{ category: 'leave-platform', label, tip }]
 */
import { avoidsVideo } from './avoids-video-detector';
import { findContactDetails, type ContactDetails } from './contact-details';
import { pressesIntimacy } from './intimacy-pressure-detector';
import { pressesToLeavePlatform } from './leave-platform-detector';
import { asksForMoney } from './money-detector';
import { asksForPersonalInfo } from './personal-info-detector';
import { RED_FLAG_CATEGORIES, redFlagFor, type RedFlag, type RedFlagCategory } from './red-flag-categories';
import { normaliseMessage, type NormalisedMessage } from './text-normaliser';

export {
  RED_FLAG_CATEGORIES,
  RED_FLAG_GUIDANCE,
  redFlagCategorySchema,
  redFlagFor,
  redFlagSchema,
  type RedFlag,
  type RedFlagCategory,
} from './red-flag-categories';
export { normaliseMessage, type NormalisedMessage } from './text-normaliser';
export { findContactDetails, type ContactDetails } from './contact-details';

/** Longest text the guard accepts; chat messages are far shorter (the chat limits them first). */
export const MAX_GUARDED_MESSAGE_LENGTH = 20_000;
/** Long texts are read in overlapping windows, so the work grows with the length and a phrase on a border is still seen. */
const WINDOW = 2000;
const WINDOW_OVERLAP = 200;

const DETECTORS: Readonly<Record<RedFlagCategory, (message: NormalisedMessage, contacts: ContactDetails) => boolean>> = {
  'personal-info': asksForPersonalInfo,
  'leave-platform': pressesToLeavePlatform,
  money: asksForMoney,
  'intimacy-pressure': pressesIntimacy,
  'avoids-video': avoidsVideo,
};

function categoriesIn(text: string): Set<RedFlagCategory> {
  const message = normaliseMessage(text);
  const contacts = findContactDetails(message.folded);
  return new Set(RED_FLAG_CATEGORIES.filter((category) => DETECTORS[category](message, contacts)));
}

/**
 * The red flags one incoming message raises, in the order of RED_FLAG_CATEGORIES; empty when none.
 * Throws a TypeError for a non-string and a RangeError above MAX_GUARDED_MESSAGE_LENGTH characters.
 */
export function detectRedFlags(text: string): RedFlag[] {
  if (typeof text !== 'string') throw new TypeError('detectRedFlags expects the message text as a string');
  if (text.length > MAX_GUARDED_MESSAGE_LENGTH) {
    throw new RangeError(`detectRedFlags reads at most ${MAX_GUARDED_MESSAGE_LENGTH} characters; this message has ${text.length}`);
  }
  const found = new Set<RedFlagCategory>();
  for (let start = 0; start === 0 || start < text.length - WINDOW_OVERLAP; start += WINDOW - WINDOW_OVERLAP) {
    for (const category of categoriesIn(text.slice(start, start + WINDOW))) found.add(category);
  }
  return RED_FLAG_CATEGORIES.filter((category) => found.has(category)).map(redFlagFor);
}
