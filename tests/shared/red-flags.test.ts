import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_GUARDED_MESSAGE_LENGTH,
  RED_FLAG_CATEGORIES,
  RED_FLAG_GUIDANCE,
  detectRedFlags,
  redFlagSchema,
  type RedFlagCategory,
} from '../../src/shared/red-flags';

const categoriesOf = (text: string): RedFlagCategory[] => detectRedFlags(text).map((flag) => flag.category);

describe('detectRedFlags', () => {
  it('returns each flag with its category, label and the guide tip, valid against the schema', () => {
    const flags = detectRedFlags('add me on snapchat and send me $50');
    expect(flags.map((flag) => flag.category)).toEqual(['leave-platform', 'money']);
    for (const flag of flags) {
      expect(redFlagSchema.parse(flag)).toEqual(flag);
      expect(flag.label).toBe(RED_FLAG_GUIDANCE[flag.category].label);
      expect(flag.tip).toBe(RED_FLAG_GUIDANCE[flag.category].tip);
    }
  });

  it("gives every category a distinct label and a tip in the safety guide's own words", () => {
    const labels = RED_FLAG_CATEGORIES.map((category) => RED_FLAG_GUIDANCE[category].label);
    expect(new Set(labels).size).toBe(RED_FLAG_CATEGORIES.length);
    // Phrases quoted from cam-party-safety-guide.txt ("Recognizing Red Flags", "Building Safe Habits").
    const guidePhrases: Record<RedFlagCategory, string> = {
      'personal-info': 'even if someone seems trustworthy, wait before sharing contact information',
      'leave-platform': 'bypasses safety features',
      money: 'no matter how small',
      'intimacy-pressure': 'if something feels off, it probably is',
      'avoids-video': 'making excuses about camera issues',
    };
    for (const category of RED_FLAG_CATEGORIES) {
      expect(RED_FLAG_GUIDANCE[category].tip.toLowerCase()).toContain(guidePhrases[category]);
    }
  });

  it.each([
    ["what's your phone number?", 'personal-info'],
    ['where do you live', 'personal-info'],
    ['what school do you go to', 'personal-info'],
    ['where do you work?', 'personal-info'],
    ["what's your full name", 'personal-info'],
    ['how old are you', 'personal-info'],
    ['let’s continue on WhatsApp', 'leave-platform'],
    ['add me on Snapchat', 'leave-platform'],
    ['do you have telegram?', 'leave-platform'],
    ['text me', 'leave-platform'],
    ['can you send me $50?', 'money'],
    ['buy me a steam gift card', 'money'],
    ['my mom is sick and we cannot afford the hospital, please help', 'money'],
    ['send nudes', 'intimacy-pressure'],
    ['are you alone right now?', 'intimacy-pressure'],
    ["I think I'm falling in love with you", 'intimacy-pressure'],
    ["my camera doesn't work, let's just text", 'avoids-video'],
  ] as const)('flags %j as %s', (text, category) => {
    expect(categoriesOf(text)).toContain(category);
  });

  it.each([
    'I live for music',
    'my number one band is radiohead',
    'can you tell me about your day?',
    "what's your name? I'm sam",
    'where are you from?',
    'I deleted instagram last year',
    'oh snap, I forgot my tea',
    'call me crazy but I like pineapple pizza',
    'I spent too much money on concert tickets',
    'the gift card my aunt gave me expired',
    'send me a song recommendation',
    'I love this song',
    'show me your cat!',
    'what are you wearing to the concert tomorrow?',
    'take off your headphones, there is an echo',
    'sorry my camera froze for a sec',
    'how old is your dog?',
    'I was born in 1998',
    '',
  ])('leaves the everyday message %j unflagged', (text) => {
    expect(detectRedFlags(text)).toEqual([]);
  });

  describe('sees through evasions', () => {
    it.each([
      ['w h a t s a p p me', 'leave-platform', 'spaced letters'],
      ['add me on s.n.a.p.c.h.a.t', 'leave-platform', 'dots between letters'],
      ['lets continue on te-le-gram', 'leave-platform', 'hyphens inside a word'],
      ['add me on dis cord', 'leave-platform', 'a word cut in two'],
      ['whats ur n u m b e r', 'personal-info', 'spaced letters'],
      ['w.h.e.r.e d.o y.o.u l.i.v.e', 'personal-info', 'dotted words'],
      ['s e n d n u d e s', 'intimacy-pressure', 'a whole phrase spelled out'],
      ['call me at five five five, two one eight, nine nine zero one', 'leave-platform', 'digits as words'],
      ['my number is six four six, five five five, zero one three three', 'leave-platform', 'digits as words'],
      ['send me fifty dollars', 'money', 'amounts as words'],
      ['add me on ѕnарсhаt', 'leave-platform', 'Cyrillic lookalikes'],
      ['wh€re do yοu lіve', 'personal-info', 'Greek, Cyrillic and symbol lookalikes'],
      ['add me on ｓｎａｐ', 'leave-platform', 'fullwidth letters'],
      ['ѕеnd nudеѕ', 'intimacy-pressure', 'Cyrillic lookalikes'],
      ['add me on sn@pchat', 'leave-platform', 'leetspeak'],
      ['add me on 1nst4gr4m', 'leave-platform', 'leetspeak'],
      ['s3nd n00ds', 'intimacy-pressure', 'leetspeak'],
      ['h0w 0ld ar3 y0u', 'personal-info', 'leetspeak'],
      ['c@sh app me', 'money', 'leetspeak and a split name'],
      ['wh*re do you w*rk', 'personal-info', 'masked letters'],
      ['lets talk on watsap', 'leave-platform', 'misspelling'],
      ['message me on telegrm', 'leave-platform', 'misspelling'],
      ['send me some bitcoln', 'money', 'misspelling'],
      ["what's ur addy", 'personal-info', 'slang'],
      ['wherre do yoou live', 'personal-info', 'stretched letters'],
      ['add me on w\u200bhatsapp', 'leave-platform', 'an invisible character inside a word'],
      ['add me on whåtsäpp', 'leave-platform', 'accents'],
    ] as const)('%j (%s, %s)', (text, category, _evasion) => {
      expect(categoriesOf(text)).toContain(category);
    });
  });

  it('finds a red flag placed far into a long message', () => {
    const padding = 'this is a long and perfectly friendly story about my garden. '.repeat(60);
    expect(padding.length).toBeGreaterThan(3000);
    expect(categoriesOf(`${padding}anyway, add me on whatsapp`)).toEqual(['leave-platform']);
    expect(categoriesOf(`${padding}${padding}`)).toEqual([]);
  });

  it('survives words that name Object prototype properties', () => {
    expect(detectRedFlags('constructor valueof hasownproperty __proto__ tostring')).toEqual([]);
  });

  it('rejects input that is not a message', () => {
    expect(() => detectRedFlags(42 as unknown as string)).toThrow(TypeError);
    expect(() => detectRedFlags('a'.repeat(MAX_GUARDED_MESSAGE_LENGTH + 1))).toThrow(/at most 20000 characters/);
  });

  it('is fast: well under a millisecond per chat message, and bounded on hostile input', () => {
    const messages = readFileSync(new URL('../fixtures/red-flags-corpus.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    for (const text of messages) detectRedFlags(text); // compile and warm up
    // The fastest of three passes, so other work on a busy machine does not count against the guard.
    const passes = [0, 1, 2].map(() => {
      const started = performance.now();
      for (const text of messages) detectRedFlags(text);
      return (performance.now() - started) / messages.length;
    });
    expect(Math.min(...passes)).toBeLessThan(1);

    const hostile = ['f*** '.repeat(400), '@$!|*'.repeat(400), 'x.'.repeat(1000), '😉😈'.repeat(1000), 'a'.repeat(2000)];
    for (const text of hostile) {
      const start = performance.now();
      detectRedFlags(text);
      expect(performance.now() - start).toBeLessThan(250);
    }
  });
});
