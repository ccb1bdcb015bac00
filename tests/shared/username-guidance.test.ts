import { describe, expect, it } from 'vitest';
import { usernameWarnings, usernameWarningSchema, type UsernameWarningKind } from '../../src/shared/username-guidance';
import { FIRST_NAMES, ORDINARY_WORDS_CONTAINING_NAMES, PLACE_NAMES } from '../../src/shared/username-guidance-names';

const kinds = (username: string): UsernameWarningKind[] => usernameWarnings(username).map((warning) => warning.kind);
const matches = (username: string): string[] => usernameWarnings(username).map((warning) => warning.match);

describe('usernameWarnings', () => {
  it('has nothing to say about a username that gives nothing away', () => {
    for (const username of ['night_owl', 'PixelPanda', 'quiet-river', 'blue.teapot', 'Zx_42', 'catnap7']) {
      expect(usernameWarnings(username), username).toEqual([]);
    }
  });

  it('warns about years from 1900 to 2099, and about written dates', () => {
    expect(usernameWarnings('gamer1990')).toEqual([
      { kind: 'year', match: '1990', message: '"1990" looks like a year. A birth year tells strangers how old you are.' },
    ]);
    expect(matches('x_2007_x')).toEqual(['2007']);
    expect(kinds('born.24.12.1999')).toEqual(['year']);
    expect(kinds('d2001-05-30')).toEqual(['year']);
    // Not years: other centuries, shorter or longer digit runs.
    for (const username of ['agent1899', 'room2100', 'x12005', 'pi314', 'n42']) expect(kinds(username), username).toEqual([]);
  });

  it('warns about email addresses and mail providers', () => {
    expect(kinds('jo.doe@example.org')).toEqual(['email']);
    expect(matches('me@gmail')).toEqual(['me@gmail']);
    expect(kinds('zyx_gmail_com')).toEqual(['email']);
    expect(usernameWarnings('zyx@proton.me')[0]?.message).toMatch(/looks like an email address/);
    // A lone "@" is not an address.
    expect(kinds('@zyx')).toEqual([]);
  });

  it('warns about phone numbers, with or without separators', () => {
    expect(matches('call 555-123-4567')).toEqual(['555-123-4567']);
    expect(kinds('+44 7700 900123')).toEqual(['phone']);
    expect(kinds('x07700900123')).toEqual(['phone']);
    expect(kinds('(555) 123 4567')).toEqual(['phone']);
    // Six digits are not a phone number.
    expect(kinds('x123456')).toEqual([]);
  });

  it('warns about a first name as a word, in camelCase, or inside a longer lower-case word', () => {
    expect(matches('jessica')).toEqual(['Jessica']);
    expect(matches('CoolJessica')).toEqual(['Jessica']);
    expect(matches('cooljessica')).toEqual(['Jessica']);
    expect(matches('xxjessicaxx')).toEqual(['Jessica']);
    expect(matches('Leo_fan')).toEqual(['Leo']);
    expect(matches('the-ben-show')).toEqual(['Ben']);
    expect(usernameWarnings('coolalice')).toEqual([
      {
        kind: 'first-name',
        match: 'Alice',
        message: '"Alice" is a common first name. A real name makes you easier to find outside the app.',
      },
    ]);
  });

  it('warns about place names, including names of several words', () => {
    expect(usernameWarnings('berlin_nights')).toEqual([
      {
        kind: 'place-name',
        match: 'Berlin',
        message: '"Berlin" is a place name. A town, region or country helps strangers work out where you live.',
      },
    ]);
    expect(matches('NewYorkKid')).toEqual(['New York']);
    expect(matches('los_angeles_fan')).toEqual(['Los Angeles']);
    expect(matches('riodejaneiro')).toEqual(['Rio de Janeiro']);
  });

  it('reports a name that is both a first name and a place once', () => {
    expect(usernameWarnings('georgia_peach')).toEqual([
      {
        kind: 'first-name',
        match: 'Georgia',
        message: '"Georgia" is a common first name (and a place name). A real name makes you easier to find outside the app.',
      },
    ]);
  });

  it('keeps only the longest of overlapping names', () => {
    expect(matches('alexandra')).toEqual(['Alexandra']);
  });

  it('stays quiet on everyday words that merely contain a name', () => {
    const ordinary = [
      'leopard',
      'maximum',
      'guardian',
      'bananas',
      'comparison',
      'markup',
      'karate',
      'adamant',
      'evangelist',
      'carpool',
      'malice',
      'chalice',
      'maiden_voyage',
      'slogan4u',
      'parish_priest',
      'hamburger_fan',
      'mosquito',
      'heathen',
      'flyingrider',
      'trumpeter',
      'philosophies',
      'exhausting',
      'timberline',
      'foregone',
      'methane',
      'thunder',
      'shadowhunter',
      'stardust',
      'moonlight',
      'coffeecup',
      'dragonfly',
      'wanderer',
      'sunflower',
      'gardenia',
    ];
    for (const username of ordinary) expect(usernameWarnings(username), username).toEqual([]);
  });

  it('combines several reasons in one answer, each fitting the shared schema', () => {
    const warnings = usernameWarnings('Jessica_Berlin_1990_jo@gmail.com');
    expect(warnings.map((warning) => warning.kind).sort()).toEqual(['email', 'first-name', 'place-name', 'year']);
    for (const warning of warnings) expect(usernameWarningSchema.parse(warning)).toEqual(warning);
  });

  it('answers quickly even for long input', () => {
    const started = performance.now();
    for (let index = 0; index < 200; index += 1) usernameWarnings('x'.repeat(10_000) + index);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('ships a few hundred names of each kind, with no duplicates and no everyday English words among them', () => {
    expect(FIRST_NAMES.length).toBeGreaterThanOrEqual(300);
    expect(PLACE_NAMES.length).toBeGreaterThanOrEqual(300);
    expect(new Set(FIRST_NAMES).size).toBe(FIRST_NAMES.length);
    expect(new Set(PLACE_NAMES).size).toBe(PLACE_NAMES.length);
    for (const word of ['Frank', 'Carol', 'Heather', 'Phoenix', 'Java', 'Victor']) {
      expect([...FIRST_NAMES, ...PLACE_NAMES]).not.toContain(word);
    }
    expect(ORDINARY_WORDS_CONTAINING_NAMES.every((word) => /^[a-z]+$/.test(word))).toBe(true);
  });

  it('checks every listed name', () => {
    for (const name of [...FIRST_NAMES, ...PLACE_NAMES]) expect(matches(name), name).toContain(name);
  });
});
