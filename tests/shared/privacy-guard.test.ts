import { describe, expect, it } from 'vitest';
import {
  MAX_CHECKED_MESSAGE_LENGTH,
  checkOutgoingMessage,
  privacyConcernSchema,
  type PrivacyConcernKind,
} from '../../src/shared/privacy-guard';

const kindsIn = (text: string): PrivacyConcernKind[] => checkOutgoingMessage(text).map((concern) => concern.kind);

describe('checkOutgoingMessage', () => {
  it('explains each concern in plain words and quotes what it found', () => {
    const concerns = checkOutgoingMessage('add me on snapchat, my number is 555 867 5309 and I live at 12 Elm Road');
    expect(concerns.map((concern) => concern.kind)).toEqual(['phone-number', 'street-address', 'chat-app']);
    for (const concern of concerns) expect(privacyConcernSchema.parse(concern)).toEqual(concern);
    expect(concerns[0]).toEqual({
      kind: 'phone-number',
      found: '555 867 5309',
      reason: 'It contains a phone number ("555 867 5309"). Anyone who has it can call or text you outside Cam-Party.',
    });
    expect(concerns[1]?.reason).toBe('It looks like a street address ("12 elm road"). It tells a stranger where you live or spend time.');
    expect(concerns[2]?.reason).toBe("It invites them to Snapchat, where Cam-Party's Report, Block and Skip no longer protect you.");
  });

  it.each([
    ['my number is 415 555 0198', 'phone-number'],
    ['call me on +44 7700 900123', 'phone-number'],
    ['it is five five five, two one eight, nine nine zero one', 'phone-number'],
    ['email me at kate.b@gmail.com', 'email-address'],
    ['kate dot b at gmail dot com', 'email-address'],
    ['I live at 221B Baker Street', 'street-address'],
    ['12 Main St, apt 4b', 'street-address'],
    ['I live on Baker Street near the park', 'street-address'],
    ['my postcode is SW1A 1AA', 'street-address'],
    ['zip code 10001', 'street-address'],
    ['my snap is jake_22', 'social-handle'],
    ['insta: @lola.vibes', 'social-handle'],
    ['my discord is shadow#4421', 'social-handle'],
    ['join discord.gg/abc123', 'chat-app'],
    ['https://t.me/sunnyboy', 'chat-app'],
    ['wa.me/447700900123', 'chat-app'],
    ["let's move to whatsapp", 'chat-app'],
    ['add me on sn@pchat', 'chat-app'],
    ['text me later', 'chat-app'],
  ] as const)('stops %j (%s)', (text, kind) => {
    expect(kindsIn(text)).toContain(kind);
  });

  it.each([
    'I live for music',
    'my number one band is radiohead',
    'can you tell me about your day?',
    'I walked 5 km down the road',
    'there are 3 cafes on our street',
    'I was born in 1998',
    'see you at 5 pm',
    'it cost $1,000,000',
    'I love my snap streak',
    'my snap is broken lol',
    'I deleted instagram last year',
    'I am @ home',
    'my score is 9/10',
    'call me crazy but I like pineapple pizza',
    '',
  ])('lets %j through without a prompt', (text) => {
    expect(checkOutgoingMessage(text)).toEqual([]);
  });

  it('names the app from an invite link', () => {
    const [concern] = checkOutgoingMessage('https://discord.gg/abc123');
    expect(concern).toMatchObject({ kind: 'chat-app', found: 'https://discord.gg/abc123' });
    expect(concern?.reason).toContain('Discord');
  });

  it('gives one reason per kind, and no vaguer second reason when a number already explains it', () => {
    expect(kindsIn('call me at 555 867 5309 or 555 867 5310')).toEqual(['phone-number']);
    expect(checkOutgoingMessage('call me at 555 867 5309 or 555 867 5310')[0]?.found).toBe('555 867 5309, 555 867 5310');
  });

  it('rejects input that is not a message', () => {
    expect(() => checkOutgoingMessage(undefined as unknown as string)).toThrow(TypeError);
    expect(() => checkOutgoingMessage('x'.repeat(MAX_CHECKED_MESSAGE_LENGTH + 1))).toThrow(RangeError);
  });
});
