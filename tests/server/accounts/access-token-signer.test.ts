import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccessTokenSigner, ACCESS_TOKEN_TTL_MS } from '../../../server/accounts/access-token-signer';
import { accessTokenSchema } from '../../../src/shared/accounts-api';

describe('AccessTokenSigner', () => {
  let time = 1_900_000_000_000;
  const now = (): number => time;
  const secret = randomBytes(32);
  const signer = new AccessTokenSigner(secret, now);

  it('issues a token that verifies to its account and session, and fits the shared schema', () => {
    const { token, expiresAt } = signer.issue('account-1', 'session-1');
    expect(expiresAt).toBe(time + ACCESS_TOKEN_TTL_MS);
    expect(ACCESS_TOKEN_TTL_MS).toBe(10 * 60 * 1000);
    expect(accessTokenSchema.safeParse(token).success).toBe(true);
    expect(signer.verify(token)).toEqual({ ok: true, accountId: 'account-1', sessionId: 'session-1', expiresAt });
  });

  it('expires after ten minutes', () => {
    const { token } = signer.issue('account-1', 'session-1');
    time += ACCESS_TOKEN_TTL_MS - 1;
    expect(signer.verify(token).ok).toBe(true);
    time += 1;
    expect(signer.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose payload was changed', () => {
    const { token } = signer.issue('account-1', 'session-1');
    const [, payload, signature] = token.split('.');
    const json = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    json.sub = 'account-2';
    json.exp += 1_000_000;
    const forged = `v1.${Buffer.from(JSON.stringify(json)).toString('base64url')}.${signature}`;
    expect(signer.verify(forged)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token signed with another secret', () => {
    const other = new AccessTokenSigner(randomBytes(32), now);
    expect(signer.verify(other.issue('account-1', 'session-1').token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses garbage of every kind without throwing', () => {
    const { token } = signer.issue('a', 's');
    const garbage: unknown[] = [
      undefined,
      null,
      42,
      {},
      '',
      'v1',
      'v1..',
      'v2' + token.slice(2),
      token + 'x',
      token.slice(0, -1),
      `v1.${Buffer.from('not json').toString('base64url')}.${token.split('.')[2]}`,
      'v1.' + 'A'.repeat(5000) + '.sig',
    ];
    for (const value of garbage) expect(signer.verify(value).ok).toBe(false);
  });

  it('needs a secret of at least 32 bytes', () => {
    expect(() => new AccessTokenSigner(randomBytes(16))).toThrow(/32/);
  });
});
