/**
 * Requests for money or gifts: "send me $50", payment apps ("venmo me",
 * "what's your paypal"), gift cards and wishlists, crypto "investments", and
 * sob stories that end in a request for help. Talking about money is not a
 * request: "I spent too much on tickets", "bitcoin is crashing", "the gift
 * card my aunt gave me expired" stay unflagged.
 */
import { AMOUNT, gap, matchesAny, phrases } from './phrase-patterns';
import type { NormalisedMessage } from './text-normaliser';

const MONEY =
  '(?:money|cash|moneyamount|dollars?|bucks|euros?|pounds|quid|funds|bitcoin|crypto|tether|ethereum|coins?|tip|tips|' +
  'loan|payment|donation|change)';
const PAYMENT_APPS =
  '(?:paypal|venmo|cashapp|zelle|western union|moneygram|revolut|apple pay|google pay|gpay|skrill|payoneer|' +
  'crypto wallet|bitcoin wallet|wallet)';
const GIVING_VERBS = '(?:send|give|lend|loan|wire|transfer|pay|spare|gift|donate|tip|throw|toss)';

const ASKS_FOR_MONEY = phrases(
  `(?<! never| not| no one| nobody) ${GIVING_VERBS}(?: over)?(?: me| us| to me)? ${gap(3)}${MONEY} `,
  `(?<! never| not) ${GIVING_VERBS} (?:me|us) (?:like |just |only |at least )?${AMOUNT}(?= (?:\\.|\\?|to|for|now|please|asap|today|so|and|or|$)|$| $)`,
  ` (?:lend|loan) me `,
  ` tip me `,
  ` (?:can|could|would|will) you (?:pay|cover|pay for|cover for|buy) (?:for )?(?:my|me|the|our) (?!respects)`,
  ` (?:need|needs|want|wants) (?:some )?(?:money|cash|moneyamount|dollars|bucks) (?:for|to|from|so|asap|now|please|badly) `,
);

const ASKS_VIA_PAYMENT_APP = phrases(
  ` ${PAYMENT_APPS} me `,
  ` (?:do|did) you (?:have|got|use) (?:a |an )?${PAYMENT_APPS} `,
  ` (?:what is|whats|give me|send me|drop|tell me|i need) your (?:${PAYMENT_APPS}|bank|bank account|bank details|` +
    `account number|routing number|iban|card number|card details|credit card|debit card|cvv|pin) `,
  ` (?:to|on|via|through|into|in|with) my ${PAYMENT_APPS} `,
  ` my ${PAYMENT_APPS} (?:is|name|username|handle|tag|at|\\.) `,
  ` (?:send|wire|transfer) ${gap(2)}(?:to|into) (?:this|my) (?:wallet|account|address) `,
);

const ASKS_FOR_GIFTS = phrases(
  ` (?:buy|get|send|gift|give|order|grab|treat) (?:me|us) ${gap(3)}(?:gift cards?|cards?|present|presents|gifts?|a treat) `,
  ` (?:buy|get|order|grab|treat) (?:me|us) ${gap(2)}(?:something|anything|stuff|things) `,
  ` gift cards? (?:please|for me|\\?|now|asap|code) `,
  ` (?:buy|get|send|gift|give) (?:me|us) ${gap(2)}(?:robux|vbucks|v bucks|riot points|steam wallet|game credits|skins) `,
  ` buy me a coffee `,
  ` (?:ko fi|kofi|patreon|throne|cashapp|venmo|paypal) (?:link )?(?:is )?in my bio `,
  ` (?:check|see|look at|from|on|in|visit|browse|open|buy|get) (?:out )?my (?:amazon |steam )?wishlist `,
  ` (?:amazon|steam|itunes|apple|google play|ebay|sephora|visa|walmart|target|xbox|playstation|psn|razer|roblox) ` +
    `(?:gift )?cards? (?:please|for me|\\?|code) `,
);

const PUSHES_AN_INVESTMENT = phrases(
  ` (?:invest|investment|investing|trade|trading|mining|mine) ${gap(4)}(?:bitcoin|crypto|forex|coins?|platform|returns|profit) `,
  ` (?:bitcoin|crypto|forex) ${gap(2)}(?:investment|platform|trading|opportunity|returns|profit|scheme) `,
  ` (?:double|doubles|triple|triples|doubled|grow) (?:your|ur|the) (?:money|investment|cash|savings) `,
  ` (?:double|triple) it `,
  ` guaranteed ${gap(2)}(?:returns|profit|income|profits|money) `,
  ` make (?:money|cash) (?:fast|quick|quickly|online|easy|from home) `,
  ` (?:crypto|bitcoin|forex) (?:trick|secret|method|signals?|group|mentor|expert) `,
);

/** A hard-luck story only counts when it comes with a plea for help and money is at stake. */
const PLEA =
  '(?:can you help|could you help|would you help|will you help|help me|please help|help us|anything helps|' +
  'would help|would really help|help me out|i need help|need your help|any help|you could help|if you can help)';
const HARDSHIP =
  '(?:rent|bills?|medicine|medication|hospital|surgery|ticket|fees?|tuition|debt|food|groceries|money|cash|dollars|' +
  'bucks|moneyamount|pay|afford|broke|wallet|loan|funeral|flight|hungry|lost my job|evicted|eviction)';

const PLEADS = new RegExp(` ${PLEA} `);
const MENTIONS_HARDSHIP = new RegExp(` ${HARDSHIP} `);

function tellsAHardLuckStory(text: string): boolean {
  return PLEADS.test(text) && MENTIONS_HARDSHIP.test(text);
}

export function asksForMoney(message: NormalisedMessage): boolean {
  const { text } = message;
  return (
    matchesAny(text, ASKS_FOR_MONEY) ||
    matchesAny(text, ASKS_VIA_PAYMENT_APP) ||
    matchesAny(text, ASKS_FOR_GIFTS) ||
    matchesAny(text, PUSHES_AN_INVESTMENT) ||
    tellsAHardLuckStory(text)
  );
}
