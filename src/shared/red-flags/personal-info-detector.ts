/**
 * Requests for personal information: phone number, address or where someone
 * lives, school or workplace, full name, age, email, ID, social handles.
 * Small talk stays unflagged: "what's your name?", "where are you from?",
 * "what do you work as?", "what's your number one song?".
 */
import { ALL_APPS, ASK, gap, matchesAny, phrases } from './phrase-patterns';
import type { NormalisedMessage } from './text-normaliser';

/** Details that identify or locate a person, as "your ..." would name them. */
const DETAILS =
  '(?:(?:phone |cell |mobile |home |whatsapp |personal |telephone |contact |real |work )?' +
  '(?:number(?! (?:one|1|two|three|four|five|fan)\\b)|digits|cell|phone|mobile|contact)' +
  '|(?:email|email address|gmail|mail address)' +
  '|(?:home |exact |full |real |street |house |current )?(?:address(?! on (?:this|here|the app))|location|zip code|zip|postcode|post code)' +
  '|(?:full|real|last|sur|family|middle|whole|legal|moms maiden|mothers maiden|maiden) name|surname' +
  '|age|exact age|birthday|date of birth|dob|id|passport|social security number|ssn|schools? name|school|workplace)';

/** Asking for someone's account on another app is asking for a handle. */
export const ASKS_FOR_HANDLE = phrases(
  ` ${ASK} ${gap(1)}your ${ALL_APPS}(?: (?:name|username|user name|handle|tag|id|account|at|info))? `,
  ` your (?:at|handle|username|user name|tag|id|account|profile|page|name|info) (?:on|in|for) ${ALL_APPS} `,
  ` your ${ALL_APPS}(?: (?:name|username|handle|tag|id|account|at))? \\? `,
);

const ASKS_FOR_DETAILS = phrases(
  ` ${ASK} ${gap(3)}your ${DETAILS} `,
  ` your ${DETAILS} \\? `,
  `^ (?:number|address|age|asl|location|school|email|phone number) \\? `,
  ` when is your birthday `,
);

const ASKS_WHERE_THEY_ARE = phrases(
  ` where (?:do |did |does )?you (?:live|stay|reside|sleep) `,
  ` where are you (?:staying|living|located|based) `,
  ` where is your (?:house|home|place|apartment|flat|school|office|workplace|work|job|college|university) `,
  ` (?:do|did) you live (?:alone|near|nearby|close|around|by yourself|on your own) `,
  ` you live (?:near|close to|around|by|nearby) `,
  ` (?:what|which) (?:city|town|neighbourhood|neighborhood|area|part of town|part of the city|part|street|road|suburb|` +
    `district|borough|county|zip|postcode|floor|building|apartment|flat|village|block|state) ` +
    `(?:do you live|do you stay|are you in|are you on|are you at|are you living|are you staying|you live|you in|you at|` +
    `you on|do you live in|do you live on)`,
  ` (?:what|which) part (?:\\.|\\?|$)`,
  ` (?:what|which) (?:area|part|side|end) of (?:the |your )?(?:city|town|village) (?:are you|do you|you) `,
);

const ASKS_SCHOOL_OR_WORK = phrases(
  ` (?:what|which|wat) (?:school|high school|middle school|secondary school|college|university|grade|class|year) ` +
    `(?:do you|are you|you) (?:go to|go 2|go|in|at|attend|going to)`,
  ` you go to school (?:around|near|nearby|here|in|close) `,
  ` (?:what|which) (?:school|high school|college|university) (?:\\?|\\.|$)`,
  ` (?:what|which) (?:school|high school|college|university) do you (?:go|attend) `,
  ` where do you (?:go to )?(?:school|college|university|study) `,
  ` where (?:do )?you work `,
  ` (?:what|which) (?:company|firm|store|shop|office|restaurant|hospital|business|place) (?:do )?you work (?:for|at|in) `,
  ` where (?:do )?you go to school `,
);

const ASKS_AGE = phrases(
  ` how old (?:are|r) you `,
  ` how young are you `,
  `(?:^ |\\. |\\? )asl `,
  ` (?:what|which) year (?:were|was) you born `,
  ` when (?:were|was) you born `,
  ` are you (?:over|under|above|below) (?:18|eighteen|16|sixteen|21) `,
);

export function asksForPersonalInfo(message: NormalisedMessage): boolean {
  const { text } = message;
  return (
    matchesAny(text, ASKS_FOR_DETAILS) ||
    matchesAny(text, ASKS_WHERE_THEY_ARE) ||
    matchesAny(text, ASKS_SCHOOL_OR_WORK) ||
    matchesAny(text, ASKS_AGE) ||
    matchesAny(text, ASKS_FOR_HANDLE)
  );
}
