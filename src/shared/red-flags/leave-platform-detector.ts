/**
 * Pressure to continue somewhere else: invitations to WhatsApp, Snapchat,
 * Telegram and the rest, "text me", "add me", a phone number, email address,
 * invite link or handle dropped into the chat, or asking for someone's
 * account. Mentioning an app is not enough: "I deleted instagram", "oh snap",
 * "the signal is bad", "call me crazy" stay unflagged.
 */
import type { ContactDetails } from './contact-details';
import { ASKS_FOR_HANDLE } from './personal-info-detector';
import { ALL_APPS, MESSAGING_APPS, UNAMBIGUOUS_APPS, gap, matchesAny, phrases } from './phrase-patterns';
import type { NormalisedMessage } from './text-normaliser';

const CONTACT_VERBS =
  '(?:add|follow|message|dm|pm|text|call|hit|find|contact|reach|write|ping|facetime|video call|snap|hmu|inbox|' +
  'talk to|chat with|look|search)';

const INVITES_TO_AN_APP = phrases(
  ` ${CONTACT_VERBS}(?: me| us)?(?: up)? (?:on|in|at|via|over|through) ${ALL_APPS} `,
  ` (?:do|did) you (?:have|got|still have) (?:a |an )?${ALL_APPS} `,
  ` (?:do|did) you (?:use|still use|go on) ${MESSAGING_APPS} `,
  ` you (?:got|have|on) ${ALL_APPS} \\? `,
  ` you use ${MESSAGING_APPS} \\? `,
  ` (?:got|have) ${MESSAGING_APPS} \\? `,
  `(?:let us|lets|we should|can we|could we|shall we|we can|we could|how about we|why not|maybe we|i want to|` +
    `want to|would you like to|do you want to) ${gap(3)}(?:talk|chat|continue|move|switch|go|call|video call|` +
    `facetime|text|message|speak|keep talking|take this|meet|hop|jump) ${gap(3)}(?:on|to|in|over|onto|via|through) ` +
    `(?:the )?${ALL_APPS} `,
  `(?:^ |\\. |\\? )(?:come|move|switch|go|join|continue|hop|jump) (?:to|on|over to|onto) ${ALL_APPS} `,
  ` ${UNAMBIGUOUS_APPS} (?:is|would be) (?:better|easier|safer|faster) `,
  ` (?:whatsapp|snapchat|snap|telegram|skype|kik|facetime|imessage|viber|signal|discord) me `,
  ` (?:want to|let us|lets|can we|could we|should we|shall we) (?:whatsapp|skype|facetime|snap|telegram|discord) `,
  ` my ${ALL_APPS}(?: (?:name|username|user name|handle|id|tag|at|account|number))? (?:is|\\.|at) ` +
    `(?!(?:so |really |still |just )?(?:broken|down|dead|not|private|banned|hacked|gone|deleted|glitching|weird|` +
    `annoying|boring|full|empty|old|new|blowing up|acting up)\\b)`,
  ` (?:here is|heres|this is|add|follow) my ${ALL_APPS} `,
  ` (?:send|give|drop) you my (?:${ALL_APPS}|number|phone number|email|contact|details|address) `,
  ` scan my (?:snapchat|snap|qr|code) `,
  `^ ${ALL_APPS} \\? `,
  ` join my (?:discord|server|telegram|group|channel) `,
);

const ASKS_TO_MOVE_ELSEWHERE = phrases(
  ` (?:go|take this|take it|talk|chat|move|continue|head|go talk) ${gap(1)}` +
    `(?:(?:somewhere|someplace) (?:else|more private|private|quieter)|elsewhere) `,
  ` (?:somewhere|someplace) (?:more )?private `,
  ` (?:move|switch|go|use|try|talk on|chat on|continue on) (?:to )?(?:another|a different|a better|some other|other|different) (?:app|platform|site|website|chat) `,
  ` (?:let us|lets|can we|we should) use something else `,
  ` (?:off|leave) (?:this|the) (?:app|site|platform) `,
);

const ASKS_FOR_A_CALL_OR_TEXT = phrases(
  ` (?:text|txt|sms|email|mail|dm|pm|inbox|hmu|whatsapp) me `,
  ` message me (?!received)`,
  ` call me(?= (?:\\.|\\?|on|at|tonight|later|now|right now|sometime|back|tomorrow|asap|please|whenever|when you|` + `if you|\\d)|$| $)`,
  ` hit me up(?= (?:\\.|\\?|on|at|later|tonight|sometime|\\d)|$| $)`,
  ` add me(?= (?:\\.|\\?|on|there|back|please|if|as a friend|up)|$| $)`,
  ` (?:i will|ill|i can|i could|let me|i am going to|i want to|i wanna) (?:text|call|message|dm|add|snap|whatsapp|facetime) you `,
  ` write (?:to )?me at `,
);

export function pressesToLeavePlatform(message: NormalisedMessage, contacts: ContactDetails): boolean {
  if (
    contacts.phoneNumbers.length > 0 ||
    contacts.emailAddresses.length > 0 ||
    contacts.chatAppLinks.length > 0 ||
    contacts.handles.length > 0
  ) {
    return true;
  }
  const { text } = message;
  return (
    matchesAny(text, INVITES_TO_AN_APP) ||
    matchesAny(text, ASKS_TO_MOVE_ELSEWHERE) ||
    matchesAny(text, ASKS_FOR_A_CALL_OR_TEXT) ||
    matchesAny(text, ASKS_FOR_HANDLE)
  );
}
