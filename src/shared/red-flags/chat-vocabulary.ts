/**
 * The words the guard cares about, plus the everyday words around them. Used
 * to put evasions back together: spaced-out letters ("s e n d n u d e s"),
 * masked letters ("wh*re") and ambiguous leetspeak ("1" as i or l) are
 * resolved only towards words in this list.
 */

const EVERYDAY_WORDS = `
a i me my you your we us our he she it its they them the an to of on in at by for from with and or but if so
is are am was were be been do does did have has had can could will would should may might must shall not no
yes what where when who why how which that this there here now then just only also too very really please
want need get got give go going come let tell ask say send show take make see look know think like love feel
up down out off over under about into onto more some any all one two other another else again still ever
never always right now today tonight later back home alone there
`;

/** Words the detectors match on; evasions are resolved towards these. */
export const KEYWORDS = `
number phone cell mobile digits address email live living stay stays lives where street city town area
neighbourhood neighborhood zip postcode school college university grade class work job workplace company
office full real last surname name age old born birthday year asl id passport
whatsapp snapchat snap telegram skype instagram insta discord kik facebook messenger signal viber wechat tiktok
twitter imessage facetime onlyfans add follow text call message dm chat talk continue move switch private
money cash dollars dollar bucks euros pounds pay paypal venmo cashapp zelle bitcoin crypto gift card cards
wishlist lend loan wire transfer bank account rent bills help tip invest
nudes nude naked sexy sex hot horny kiss body boobs shirt top clothes undress strip wearing alone secret
girlfriend boyfriend soulmate marry baby babe virgin naughty freaky sext pics pic photo
camera cam webcam video broken working type face
`;

export const CHAT_VOCABULARY: ReadonlySet<string> = new Set(`${EVERYDAY_WORDS} ${KEYWORDS}`.split(/\s+/).filter((word) => word.length > 0));

/** Keywords of three letters or more: a rebuilt word only replaces the original when it yields one of these. */
export const MEANINGFUL_WORDS: ReadonlySet<string> = new Set(KEYWORDS.split(/\s+/).filter((word) => word.length >= 3));

/**
 * Splits letters that were written apart ("sendnudes") into vocabulary words
 * with as few words as possible, or returns undefined when it cannot.
 */
export function segmentIntoWords(joined: string): string[] | undefined {
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= joined.length; end++) {
    let bestHere: string[] | undefined;
    for (let start = Math.max(0, end - 12); start < end; start++) {
      const before = best[start];
      const word = joined.slice(start, end);
      if (before === undefined || !CHAT_VOCABULARY.has(word)) continue;
      if (bestHere === undefined || before.length + 1 < bestHere.length) bestHere = [...before, word];
    }
    best.push(bestHere);
  }
  return best[joined.length];
}
