/**
 * Rushing intimacy and sexual pressure: requests for nudes or undressing,
 * sexual talk, checking that someone is alone or asking them to keep secrets,
 * and love-bombing ("I love you", "soulmate", "marry me") from a stranger.
 * Everyday uses stay unflagged: "I love this song", "show me your cat",
 * "what are you wearing to the concert?", "take off your headphones".
 */
import { gap, matchesAny, phrases } from './phrase-patterns';
import type { NormalisedMessage } from './text-normaliser';

const INTIMATE_BODY =
  '(?:body|boobs|breasts|chest|butt|ass|bum|booty|legs|thighs|feet|bra|underwear|panties|cleavage|pussy|dick|cock|' +
  'penis|nipples|privates|bikini|lingerie)';
const CLOTHES = '(?:shirt|top|clothes|bra|pants|trousers|jeans|dress|skirt|underwear|panties|boxers|hoodie|sweater|towel|t shirt|tshirt)';
const SUGGESTIVE = '(?:wink|smirk|devil|lewd)';

const SEXUAL_REQUESTS = phrases(
  ` nudes `,
  ` (?:send|show|get|be|take|want) ${gap(2)}nude `,
  ` (?:nude|naked|sexy|hot|naughty|spicy|private|dirty|lewd) (?:pics|pic|photo|selfie|selfies|video|videos|vid|vids|snaps) `,
  ` send (?:me|you)? ?(?:a |some |more |your )?(?:sexy|hot|naughty|spicy|private|dirty|nude|naked|lewd) `,
  ` send (?:me |you )?(?:some |more )?pics(?= (?:${SUGGESTIVE}|\\.|\\?|please|of you in|of you without)|$| $)`,
  ` (?:pic|pics|photo|picture) of you (?:in bed|naked|without|in your underwear|in the shower) `,
  ` (?:show|see|look at|touch) (?:me |us )?${gap(1)}(?:your|ur) ${INTIMATE_BODY} `,
  ` (?:your|ur) (?:underwear|panties|bra|boxers|lingerie|nipples|boobs|breasts|privates) `,
  ` (?:lift|pull up|pull down|raise|unbutton|open|lower|remove|unzip) (?:your|ur|the|that) ${CLOTHES} `,
  ` without (?:your|ur|that|the|a|any) ${CLOTHES} `,
  ` without (?:clothes|anything on) `,
  ` show (?:me|you|us) more(?= (?:\\.|\\?|if|of you|for|please|baby|babe|then|do not|$)|$| $)`,
  ` under (?:your|the|that) ${CLOTHES}`,
  ` take (?:off )?(?:your|ur|the|that) ${CLOTHES}(?: off)? `,
  ` (?:undress|get naked|be naked|strip for|strip down|strip naked|flash me|flash us|take it all off) `,
  ` naked `,
  ` what (?:are|r) you wearing(?= (?:right now|now|tonight|${SUGGESTIVE}|under|\\?)|$| $)`,
  ` (?:are|r) you wearing anything (?:under|underneath) `,
  ` (?:sext|sexting|horny|kinky|lewd|devil|nsfw|cyber) `,
  ` (?:something|anything|be|being|get|getting|feel|feeling|talk|play|so|very) naughty `,
  ` (?:get|getting|be|feel|feeling|feelin) freaky `,
  ` (?:have|having|want|wants|like|talk about) sex `,
  ` (?:are you|you are|still) a virgin `,
  ` from behind `,
  ` (?:move|point|tilt|put|lower|turn|angle|aim) (?:the|your|ur) (?:camera|cam|webcam) ${gap(3)}(?:down|lower) `,
  ` do not be shy (?:\\. )?${gap(3)}(?:show|take|turn|cam|camera|more) `,
  ` (?:moneyamount|money|cash|pay|paid|tip|tips|venmo|paypal|cashapp) (?:you |me )?for (?:pics|nudes|videos|vids|photos|a show|more) `,
  ` send (?:me |you )?something (?:sexy|hot|naughty|spicy|dirty|private|${SUGGESTIVE}) `,
  ` (?:have|having) (?:some )?fun ${gap(2)}(?:\\? |\\. )?${SUGGESTIVE} `,
);

const ISOLATION_AND_SECRECY = phrases(
  ` (?:are|r) you (?:home )?alone `,
  ` is (?:anyone|anybody|someone) (?:else )?(?:home|there|with you|around|in the room|in your room) `,
  ` are your (?:parents|mom|dad|mum|family|folks) (?:home|there|around|asleep|awake|in the house|nearby|out) `,
  ` (?:your|ur) (?:parents|mom|dad|mum|family|folks) (?:can not|will not|do not|wont|cant) (?:hear|see|know|find out) `,
  ` do not tell (?:your (?:parents|mom|mum|dad|family|friends)|anyone about|anybody about|no one about|` + `anyone we|anybody we) `,
  ` (?:keep|keeping) (?:this|it|our chats|our chat|us|what we) ${gap(2)}(?:between us|secret|a secret|private) `,
  ` our (?:little )?secret `,
  ` (?:nobody|no one) (?:has to|needs to|will ever|will|should|must) know `,
  ` just between (?:us|you and me) `,
  ` mature for your age `,
);

const LOVE_BOMBING = phrases(
  ` i (?:love|adore) you (?!guys |all |both |too bro |for that |for saying )`,
  ` (?:falling|fallen|fell|falling in love|fallen in love|fell in love) (?:for|with) you `,
  ` in love with you `,
  ` soul ?mates? `,
  ` meant (?:to be together|for each other) `,
  ` (?:you are|your) (?:the one for me|my one|my destiny|my everything|the love of my life) `,
  ` the one for me `,
  ` marry me `,
  ` (?:be|become) my (?:girlfriend|boyfriend|wife|husband|baby|babe|bae|lover|valentine|girl|boy|man|woman) `,
  ` never felt this way `,
  ` can not stop thinking (?:about|of) you `,
  ` i want (?:to )?(?:kiss|hug|touch|hold|taste|lick|feel|cuddle|be with) you `,
  ` kiss me `,
  ` i want you(?= (?:so bad|so much|now|right now|tonight|badly|baby|babe|\\.|\\?)|$| $)`,
  ` (?:come|coming) (?:and )?(?:see|visit|meet) you `,
  ` (?:meet|see) you (?:in person|irl|for real) `,
  ` i miss you `,
  ` (?:you are|your|you) (?:so |really |very |super |too |such a |looking |look )*(?:sexy|hot|beautiful|gorgeous|stunning)` +
    `(?! (?:dog|cat|outfit|room|voice|accent|house|car|place|city|country))`,
  ` (?:the )?most beautiful (?:girl|woman|boy|man|guy|person|thing) `,
  ` you are (?:so |really )?(?:sexy|hot) `,
);

export function pressesIntimacy(message: NormalisedMessage): boolean {
  const { text } = message;
  return matchesAny(text, SEXUAL_REQUESTS) || matchesAny(text, ISOLATION_AND_SECRECY) || matchesAny(text, LOVE_BOMBING);
}
