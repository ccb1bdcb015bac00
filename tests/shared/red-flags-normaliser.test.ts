import { describe, expect, it } from 'vitest';
import { findContactDetails, normaliseMessage } from '../../src/shared/red-flags';
import { editDistanceWithin, correctSpelling } from '../../src/shared/red-flags/common-misspellings';
import { spellDigits } from '../../src/shared/red-flags/contact-details';
import { decodeLeetspeak } from '../../src/shared/red-flags/leetspeak';
import { foldLookalikes } from '../../src/shared/red-flags/lookalike-characters';

const canonical = (text: string): string => normaliseMessage(text).text.trim();

describe('normaliseMessage', () => {
  it.each([
    ['What’s UR #?', 'what is your number ?'],
    ['w h a t s a p p me', 'whatsapp me'],
    ['s.e.n.d m.o.n.e.y', 'send money'],
    ['a/s/l', 'asl'],
    ['what is your p h o n e number', 'what is your phone number'],
    ['add me on insta gram', 'add me on instagram'],
    ["what's your num-ber", 'what is your number'],
    ['pay pal me', 'paypal me'],
    ['hit me on whats@pp', 'hit me on whatsapp'],
    ['t@ke 0ff y0ur sh1rt', 'take off your shirt'],
    ['send me $50', 'send me moneyamount'],
    ['what are you wearing ;)', 'what are you wearing wink'],
    ['no way, me too!!', 'no way . me too .'],
  ])('%j reads as %j', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it('leaves ordinary words alone when rebuilding spaced letters would mean nothing', () => {
    expect(canonical('u r a star')).toBe('you are a star');
    expect(canonical('can we chat here')).toBe('can we chat here'); // not WeChat
    expect(canonical('whatsapp me')).toBe('whatsapp me'); // a bent spelling must not swallow "me"
    expect(canonical('I have 3 cats')).toBe('i have 3 cats');
  });

  it('keeps digits, punctuation and @ in the folded view for contact details', () => {
    expect(normaliseMessage('Mail ME: Tom.H@Gmail.com').folded).toBe('mail me: tom.h@gmail.com');
  });
});

describe('foldLookalikes', () => {
  it('maps fullwidth, accented, invisible and Cyrillic or Greek lookalike letters onto plain ASCII', () => {
    expect(foldLookalikes('ＳＮＡＰ')).toBe('snap');
    expect(foldLookalikes('whåtsäpp')).toBe('whatsapp');
    expect(foldLookalikes('tele\u200bgr\u00adam')).toBe('telegram');
    expect(foldLookalikes('ѕnарсhаt')).toBe('snapchat');
    expect(foldLookalikes('yοu')).toBe('you');
  });

  it('maps only the Cyrillic letters that look Latin, and keeps the others', () => {
    expect(foldLookalikes('привет')).toBe('пpиbet');
  });
});

describe('decodeLeetspeak', () => {
  it.each([
    ['n00dz', 'noodz'],
    ['numb3r', 'number'],
    ['l1ve', 'live'], // 1 as i
    ['te1egram', 'telegram'], // 1 as l
    ['venm0', 'venmo'],
    ['wh*re', 'where'],
  ])('%s reads as %s', (word, expected) => {
    expect(decodeLeetspeak(word)).toBe(expected);
  });

  it('keeps numbers, units and trailing name digits as written', () => {
    expect(decodeLeetspeak('5553')).toBe('5553');
    expect(decodeLeetspeak('5pm')).toBe('5pm');
    expect(decodeLeetspeak('2nd')).toBe('2nd');
    expect(decodeLeetspeak('jakey22')).toBe('jakey22');
    expect(decodeLeetspeak('a*b*c*d')).toBe('a*b*c*d');
  });
});

describe('correctSpelling', () => {
  it('maps chat spelling and bent app names onto the words the detectors read', () => {
    expect(correctSpelling('ur')).toBe('your');
    expect(correctSpelling('addy')).toBe('address');
    expect(correctSpelling('telegrm')).toBe('telegram');
    expect(correctSpelling('instagramm')).toBe('instagram');
    expect(correctSpelling('yoou')).toBe('you');
  });

  it('does not bend real words that sit close to an app name', () => {
    expect(correctSpelling('discard')).toBe('discard');
    expect(correctSpelling('snapshot')).toBe('snapshot');
    expect(correctSpelling('whatsup')).toBe('whatsup');
    expect(correctSpelling('constructor')).toBe('constructor');
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistanceWithin('discrod', 'discord', 1)).toBe(true);
    expect(editDistanceWithin('watsap', 'whatsapp', 2)).toBe(true);
    expect(editDistanceWithin('watsap', 'whatsapp', 1)).toBe(false);
    expect(editDistanceWithin('kitten', 'sitting', 2)).toBe(false);
  });
});

describe('findContactDetails', () => {
  it('finds phone numbers written with separators, a country code, or spelled out', () => {
    expect(findContactDetails('call me on +1 (646) 555-0133').phoneNumbers).toEqual(['+1 (646) 555-0133']);
    expect(findContactDetails('five five five, oh one three, double four two one').phoneNumbers).toEqual(['5 5 5, 0 1 3, 44 2 1']);
    expect(spellDigits('no one is home, oh well')).toBe('no 1 is home, oh well');
  });

  it('does not take years, prices, dates, decimals or addresses of machines for phone numbers', () => {
    for (const text of [
      'born in 1998',
      'from 2019 to 2023',
      '2019, 2020, 2021',
      'it cost $1,000,000',
      '12/05/1998',
      'pi is 3.14159265',
      '192.168.100.1',
    ]) {
      expect(findContactDetails(text).phoneNumbers, text).toEqual([]);
    }
  });

  it('finds email addresses, also spelled out', () => {
    expect(findContactDetails('mail tom.harris88@gmail.com').emailAddresses).toEqual(['tom.harris88@gmail.com']);
    expect(findContactDetails('kate.b at gmail dot com').emailAddresses).toEqual(['kate.b at gmail dot com']);
    expect(findContactDetails('see you at work dot').emailAddresses).toEqual([]);
  });

  it('finds invite links to other chat apps and @handles', () => {
    const details = findContactDetails('join https://discord.gg/abc123 or t.me/sunny, insta @lola.vibes, shadow#4421');
    expect(details.chatAppLinks).toEqual([
      { app: 'Telegram', link: 't.me/sunny,' },
      { app: 'Discord', link: 'https://discord.gg/abc123' },
    ]);
    expect(details.handles).toEqual(['@lola.vibes', 'shadow#4421']);
    expect(findContactDetails('I am @ home, email a@b.co').handles).toEqual([]);
  });
});
