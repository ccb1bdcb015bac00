import { describe, expect, it } from 'vitest';
import { ModeratorTokenCheck, readModeratorToken } from '../../../server/moderation/moderator-token';

describe('the moderator token', () => {
  it('is read from CAM_PARTY_MODERATOR_TOKEN, and a weak one stops the server with advice', () => {
    expect(readModeratorToken({})).toBeNull();
    expect(readModeratorToken({ CAM_PARTY_MODERATOR_TOKEN: '   ' })).toBeNull();
    const strong = 'Zk3v9QpL0aX7mN2bR8tY4uW6eH1jC5sD';
    expect(readModeratorToken({ CAM_PARTY_MODERATOR_TOKEN: ` ${strong}\n` })).toBe(strong);
    expect(() => readModeratorToken({ CAM_PARTY_MODERATOR_TOKEN: 'letmein' })).toThrow(/at least 32 printable characters.*randomBytes/);
    expect(() => readModeratorToken({ CAM_PARTY_MODERATOR_TOKEN: `${strong} with spaces` })).toThrow(/without spaces/);
  });

  it('matches only the exact token, and nothing when none is configured', () => {
    const check = new ModeratorTokenCheck('Zk3v9QpL0aX7mN2bR8tY4uW6eH1jC5sD');
    expect(check.enabled).toBe(true);
    expect(check.matches('Zk3v9QpL0aX7mN2bR8tY4uW6eH1jC5sD')).toBe(true);
    expect(check.matches('Zk3v9QpL0aX7mN2bR8tY4uW6eH1jC5sd')).toBe(false);
    expect(check.matches('Zk3v9QpL0aX7mN2bR8tY4uW6eH1jC5s')).toBe(false);
    expect(check.matches('')).toBe(false);
    const off = new ModeratorTokenCheck(null);
    expect(off.enabled).toBe(false);
    expect(off.matches('')).toBe(false);
  });
});
