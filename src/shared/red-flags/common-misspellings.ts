/**
 * Chat spelling ("ur", "plz", "addy") and the misspellings people use on
 * purpose to dodge filters ("numbr", "telegrm", "noodz"), mapped onto the
 * words the detectors look for. Brand names are also matched within a small
 * edit distance, because those are the words people bend most.
 */
import { CHAT_APP_NICKNAMES } from './chat-apps';
import { CHAT_VOCABULARY } from './chat-vocabulary';

/** One chat token, already lowercase ASCII, to one or more canonical words. */
const SPELLING_TABLE: Readonly<Record<string, string>> = {
  // pronouns and short forms
  u: 'you',
  ya: 'you',
  yu: 'you',
  yoo: 'you',
  ur: 'your',
  yr: 'your',
  yer: 'your',
  youre: 'you are',
  r: 'are',
  im: 'i am',
  ima: 'i am going to',
  ive: 'i have',
  itz: 'its',
  ppl: 'people',
  wat: 'what',
  wut: 'what',
  wot: 'what',
  wht: 'what',
  whta: 'what',
  wats: 'what is',
  whats: 'what is',
  wuts: 'what is',
  whts: 'what is',
  wots: 'what is',
  watz: 'what is',
  whatz: 'what is',
  whatre: 'what are',
  wer: 'where',
  wher: 'where',
  whr: 'where',
  whre: 'where',
  wheres: 'where is',
  whers: 'where is',
  hw: 'how',
  hows: 'how is',
  wen: 'when',
  whens: 'when is',
  whos: 'who is',
  wanna: 'want to',
  wana: 'want to',
  gonna: 'going to',
  gimme: 'give me',
  lemme: 'let me',
  gotta: 'got to',
  dunno: 'do not know',
  cuz: 'because',
  coz: 'because',
  bc: 'because',
  abt: 'about',
  tho: 'though',
  rn: 'right now',
  pls: 'please',
  plz: 'please',
  plss: 'please',
  plzz: 'please',
  pleas: 'please',
  pleez: 'please',
  thx: 'thanks',
  ty: 'thanks',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  wont: 'will not',
  isnt: 'is not',
  arent: 'are not',
  aint: 'is not',
  wouldnt: 'would not',
  couldnt: 'could not',
  shouldnt: 'should not',
  lets: 'let us',
  hru: 'how are you',
  wyd: 'what are you doing',
  wbu: 'what about you',
  hbu: 'how about you',
  ily: 'i love you',
  ilu: 'i love you',
  ilysm: 'i love you so much',
  iloveyou: 'i love you',
  luv: 'love',
  lov: 'love',
  lve: 'love',
  wuv: 'love',
  gf: 'girlfriend',
  bf: 'boyfriend',
  gurl: 'girl',
  grl: 'girl',
  // contact details
  numbr: 'number',
  nmbr: 'number',
  numba: 'number',
  numbah: 'number',
  nomber: 'number',
  nummer: 'number',
  numer: 'number',
  numbre: 'number',
  num: 'number',
  fone: 'phone',
  phon: 'phone',
  cel: 'cell',
  celly: 'cell',
  cellphone: 'cell phone',
  addy: 'address',
  adress: 'address',
  adres: 'address',
  addres: 'address',
  adresse: 'address',
  addr: 'address',
  adderss: 'address',
  emial: 'email',
  emal: 'email',
  txt: 'text',
  tx: 'text',
  msg: 'message',
  mssg: 'message',
  mesage: 'message',
  messege: 'message',
  skyp: 'skype',
  skipe: 'skype',
  kikk: 'kik',
  snapp: 'snap',
  snep: 'snap',
  telegramm: 'telegram',
  telegrm: 'telegram',
  watsap: 'whatsapp',
  watsapp: 'whatsapp',
  whatsap: 'whatsapp',
  whatapp: 'whatsapp',
  wtsapp: 'whatsapp',
  whtsapp: 'whatsapp',
  whatsaap: 'whatsapp',
  watzap: 'whatsapp',
  whatzapp: 'whatsapp',
  wassap: 'whatsapp',
  ...CHAT_APP_NICKNAMES,
  // school, work, age
  skool: 'school',
  scool: 'school',
  shcool: 'school',
  schl: 'school',
  uni: 'university',
  highschool: 'high school',
  // money
  bux: 'bucks',
  buks: 'bucks',
  bucs: 'bucks',
  dolla: 'dollars',
  dollas: 'dollars',
  usd: 'dollars',
  eur: 'euros',
  gbp: 'pounds',
  quid: 'pounds',
  munny: 'money',
  mony: 'money',
  moneys: 'money',
  giftcard: 'gift card',
  giftcards: 'gift cards',
  wishlists: 'wishlist',
  btc: 'bitcoin',
  bitcoins: 'bitcoin',
  eth: 'ethereum',
  usdt: 'tether',
  cripto: 'crypto',
  krypto: 'crypto',
  snd: 'send',
  sendd: 'send',
  sned: 'send',
  giv: 'give',
  // intimacy
  nudez: 'nudes',
  noods: 'nudes',
  noodz: 'nudes',
  nudess: 'nudes',
  nudies: 'nudes',
  newds: 'nudes',
  nood: 'nude',
  newd: 'nude',
  sexi: 'sexy',
  sexxy: 'sexy',
  sexyy: 'sexy',
  secksy: 'sexy',
  sxy: 'sexy',
  seggsy: 'sexy',
  seggs: 'sex',
  secks: 'sex',
  hawt: 'hot',
  horni: 'horny',
  hornyy: 'horny',
  naughtyy: 'naughty',
  nekkid: 'naked',
  nakey: 'naked',
  pix: 'pics',
  picz: 'pics',
  piks: 'pics',
  pictures: 'pics',
  photos: 'pics',
  boobies: 'boobs',
  tits: 'boobs',
  titties: 'boobs',
  bewbs: 'boobs',
  bby: 'baby',
  // camera
  cams: 'cam',
  camra: 'camera',
  camara: 'camera',
  camer: 'camera',
  kamera: 'camera',
  webcame: 'webcam',
  vid: 'video',
  vids: 'videos',
  vidcall: 'video call',
  videocall: 'video call',
};

/** A Map, so a chat word such as "constructor" can never reach an Object prototype property. */
const SPELLINGS: ReadonlyMap<string, string> = new Map(Object.entries(SPELLING_TABLE));

/** Long names worth matching within a small edit distance, with the distance allowed. */
const BENDABLE_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['whatsapp', 2],
  ['snapchat', 2],
  ['telegram', 2],
  ['instagram', 2],
  ['facebook', 2],
  ['messenger', 1],
  ['discord', 1],
  ['skype', 1],
  ['bitcoin', 1],
  ['paypal', 1],
  ['cashapp', 1],
  ['wishlist', 1],
  ['number', 1],
  ['address', 1],
  ['tiktok', 1],
  ['onlyfans', 2],
];

/** Real words that sit within that distance of a name and must stay themselves. */
const REAL_NEIGHBOURS: ReadonlySet<string> = new Set([
  'discard',
  'discards',
  'snapshot',
  'snapshots',
  'telegraph',
  'telegrams',
  'whatsup',
  'whatup',
  'wassup',
  'passenger',
  'messengers',
  'numbers',
  'lumber',
  'humber',
  'numbed',
  'dressed',
  'addresses',
  'adders',
  'bitcoins',
  'skypes',
  'cashapps',
  'stype',
  'facebooks',
  'wishlists',
]);

/** Optimal string alignment distance, giving up as soon as it exceeds `limit`. */
export function editDistanceWithin(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return false;
    previousPrevious = previous;
    previous = current;
  }
  return (previous[b.length] ?? Infinity) <= limit;
}

/** The name a bent spelling stands for, or undefined. Only letters, same first letter, length 5 or more. */
export function bentNameFor(token: string): string | undefined {
  if (token.length < 5 || REAL_NEIGHBOURS.has(token) || !/^[a-z]+$/.test(token)) return undefined;
  for (const [name, distance] of BENDABLE_NAMES) {
    if (name[0] === token[0] && editDistanceWithin(token, name, distance)) return name;
  }
  return undefined;
}

/** The table's spelling for a token, without edit-distance guessing. */
export function listedSpelling(token: string): string | undefined {
  return SPELLINGS.get(token);
}

/**
 * Stretched letters ("yoou", "wherre", "nuuudes") read as the word they
 * stretch, when squeezing the repeats gives a word the guard knows.
 */
function unstretched(token: string): string | undefined {
  if (!/([a-z])\1/.test(token) || CHAT_VOCABULARY.has(token)) return undefined;
  for (const squeezed of [token.replace(/([a-z])\1{2,}/g, '$1$1'), token.replace(/([a-z])\1+/g, '$1')]) {
    if (squeezed === token) continue;
    if (CHAT_VOCABULARY.has(squeezed)) return squeezed;
    const listed = SPELLINGS.get(squeezed);
    if (listed !== undefined) return listed;
  }
  return undefined;
}

/** Canonical words for one token: the table first, then stretched letters, then bent brand names, else the token itself. */
export function correctSpelling(token: string): string {
  return SPELLINGS.get(token) ?? unstretched(token) ?? bentNameFor(token) ?? token;
}
