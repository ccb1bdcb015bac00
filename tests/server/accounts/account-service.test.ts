import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionsEndedEvent } from '../../../server/accounts/account-service';
import { PasswordHasher } from '../../../server/accounts/password-hasher';
import { signInResponseSchema, signUpResponseSchema, sessionResponseSchema } from '../../../src/shared/accounts-api';
import { createAccountsTestWorld, newPerson, type AccountsTestWorld } from './accounts-test-world';

const MINUTE = 60_000;
const ADDRESS = '198.51.100.7';

describe('AccountService', () => {
  let world: AccountsTestWorld;
  beforeEach(() => {
    world = createAccountsTestWorld();
  });
  afterEach(() => world.close());

  const signUp = async (person = newPerson()) => {
    const result = await world.service.signUp(person, ADDRESS);
    if (!result.ok) throw new Error(`sign-up failed: ${result.error.message}`);
    return { person, session: result.value };
  };

  describe('sign-up', () => {
    it('creates the account and signs it in, with tokens that fit the shared schema', async () => {
      const { person, session } = await signUp();
      expect(signUpResponseSchema.parse(session)).toEqual(session);
      expect(session.account).toMatchObject({ email: person.email, username: person.username, totpEnabled: false });
      expect(await world.service.verifyAccessToken(session.accessToken)).toMatchObject({ ok: true, accountId: session.account.id });
    });

    it('returns username warnings without refusing the username', async () => {
      const { session } = await signUp({ ...newPerson(), username: 'Jessica_Berlin_1990' });
      expect(session.usernameWarnings.map((warning) => warning.kind).sort()).toEqual(['first-name', 'place-name', 'year']);
    });

    it('refuses a taken email address (in any case) and a taken username (in any case)', async () => {
      const { person } = await signUp();
      const sameEmail = await world.service.signUp({ ...newPerson(), email: person.email.toUpperCase() }, ADDRESS);
      expect(sameEmail).toMatchObject({ ok: false, error: { code: 'email-taken' } });
      const sameName = await world.service.signUp({ ...newPerson(), username: person.username.toUpperCase() }, ADDRESS);
      expect(sameName).toMatchObject({ ok: false, error: { code: 'username-taken' } });
    });

    it('limits new accounts per address', async () => {
      world.close();
      world = createAccountsTestWorld({ limits: { signUpsPerAddress: { limit: 2, windowMs: 60 * MINUTE } } });
      await signUp();
      await signUp();
      const third = await world.service.signUp(newPerson(), ADDRESS);
      expect(third).toMatchObject({ ok: false, error: { code: 'rate-limited', retryAfterSeconds: 3600 } });
      expect((await world.service.signUp(newPerson(), '203.0.113.1')).ok).toBe(true);
      world.clock.advance(60 * MINUTE);
      expect((await world.service.signUp(newPerson(), ADDRESS)).ok).toBe(true);
    });
  });

  describe('sign-in', () => {
    it('signs in with the right password, whatever the case of the email', async () => {
      const { person } = await signUp();
      const result = await world.service.signIn({ email: ` ${person.email.toUpperCase()} `, password: person.password }, ADDRESS);
      expect(result.ok).toBe(true);
      if (result.ok) expect(signInResponseSchema.parse(result.value).account.email).toBe(person.email);
    });

    it('gives a wrong password and an unknown account the same clear error', async () => {
      const { person } = await signUp();
      const wrong = await world.service.signIn({ email: person.email, password: 'not the password' }, ADDRESS);
      const unknown = await world.service.signIn({ email: 'nobody@example.test', password: person.password }, ADDRESS);
      expect(wrong).toEqual({
        ok: false,
        error: { code: 'invalid-credentials', message: 'The email address or the password is not right.' },
      });
      expect(unknown).toEqual(wrong);
    });

    it('locks an account after 5 failures for 15 minutes, even with the right password, then lets it in', async () => {
      const { person } = await signUp();
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const result = await world.service.signIn({ email: person.email, password: `guess ${attempt}` }, `203.0.113.${attempt}`);
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-credentials' } });
      }
      const locked = await world.service.signIn({ email: person.email, password: person.password }, '192.0.2.99');
      expect(locked).toMatchObject({
        ok: false,
        error: { code: 'rate-limited', message: 'Too many failed sign-in attempts. Try again in 15 minutes.', retryAfterSeconds: 900 },
      });
      world.clock.advance(15 * MINUTE);
      expect((await world.service.signIn({ email: person.email, password: person.password }, ADDRESS)).ok).toBe(true);
    });

    it('limits one address guessing at many accounts, without blocking other addresses', async () => {
      const { person } = await signUp();
      for (let attempt = 1; attempt <= 20; attempt += 1) {
        await world.service.signIn({ email: `victim${attempt}@example.test`, password: 'password123' }, ADDRESS);
      }
      const limited = await world.service.signIn({ email: person.email, password: person.password }, ADDRESS);
      expect(limited).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
      expect((await world.service.signIn({ email: person.email, password: person.password }, '203.0.113.50')).ok).toBe(true);
    });

    it('does not let an own successful sign-in clear the address count', async () => {
      const mine = await signUp();
      for (let attempt = 1; attempt <= 19; attempt += 1) {
        await world.service.signIn({ email: `victim${attempt}@example.test`, password: 'password123' }, ADDRESS);
      }
      expect((await world.service.signIn({ email: mine.person.email, password: mine.person.password }, ADDRESS)).ok).toBe(true);
      await world.service.signIn({ email: 'victim20@example.test', password: 'password123' }, ADDRESS);
      expect(await world.service.signIn({ email: mine.person.email, password: mine.person.password }, ADDRESS)).toMatchObject({
        ok: false,
        error: { code: 'rate-limited' },
      });
    });

    it('rehashes a password made with older parameters at sign-in', async () => {
      const { person, session } = await signUp();
      const old = await new PasswordHasher({ log2N: 10, r: 8, p: 1 }).hash(person.password);
      await world.repository.updatePasswordHash(session.account.id, old);
      expect((await world.service.signIn({ email: person.email, password: person.password }, ADDRESS)).ok).toBe(true);
      const stored = (await world.repository.findAccountById(session.account.id))!.passwordHash;
      expect(stored.startsWith('scrypt$12$')).toBe(true);
    });
  });

  describe('tokens', () => {
    it('refuses an access token after ten minutes, with its own error code', async () => {
      const { session } = await signUp();
      world.clock.advance(10 * MINUTE);
      expect(await world.service.verifyAccessToken(session.accessToken)).toMatchObject({
        ok: false,
        error: { code: 'access-token-expired' },
      });
    });

    it('refuses a made-up or altered access token', async () => {
      const { session } = await signUp();
      expect(await world.service.verifyAccessToken('v1.e30.' + 'A'.repeat(43))).toMatchObject({
        ok: false,
        error: { code: 'access-token-invalid' },
      });
      const altered = session.accessToken.slice(0, -2) + (session.accessToken.endsWith('AA') ? 'BB' : 'AA');
      expect(await world.service.verifyAccessToken(altered)).toMatchObject({ ok: false, error: { code: 'access-token-invalid' } });
    });

    it('rotates the refresh token on use; the new one works and the old one does not', async () => {
      const { session } = await signUp();
      world.clock.advance(MINUTE);
      const refreshed = await world.service.refresh(session.refreshToken);
      if (!refreshed.ok) throw new Error(refreshed.error.message);
      expect(sessionResponseSchema.parse(refreshed.value).refreshToken).not.toBe(session.refreshToken);
      expect(refreshed.value.accessTokenExpiresAt).toBe(world.clock.now() + 10 * MINUTE);
      const again = await world.service.refresh(refreshed.value.refreshToken);
      expect(again.ok).toBe(true);
    });

    it('treats a replayed refresh token as stolen: it fails and ends the whole session', async () => {
      const { session } = await signUp();
      const ended: SessionsEndedEvent[] = [];
      world.service.onSessionsEnded((event) => ended.push(event));
      const refreshed = await world.service.refresh(session.refreshToken);
      if (!refreshed.ok) throw new Error(refreshed.error.message);
      const replay = await world.service.refresh(session.refreshToken);
      expect(replay).toEqual({ ok: false, error: { code: 'refresh-token-invalid', message: 'This sign-in has ended. Sign in again.' } });
      expect(await world.service.refresh(refreshed.value.refreshToken)).toMatchObject({
        ok: false,
        error: { code: 'refresh-token-invalid' },
      });
      expect(await world.service.verifyAccessToken(refreshed.value.accessToken)).toMatchObject({
        ok: false,
        error: { code: 'access-token-invalid' },
      });
      expect(ended).toEqual([{ accountId: session.account.id, sessionIds: [expect.any(String)] }]);
    });

    it('refuses an expired refresh token after 30 days', async () => {
      const { session } = await signUp();
      world.clock.advance(30 * 24 * 60 * MINUTE);
      expect(await world.service.refresh(session.refreshToken)).toEqual({
        ok: false,
        error: { code: 'refresh-token-expired', message: 'Your sign-in has expired. Sign in again.' },
      });
    });

    it('refuses a refresh token it never issued', async () => {
      expect(await world.service.refresh('A'.repeat(43))).toMatchObject({ ok: false, error: { code: 'refresh-token-invalid' } });
    });

    it('purges expired sessions', async () => {
      await signUp();
      const { session } = await signUp();
      world.clock.advance(20 * 24 * 60 * MINUTE);
      await world.service.refresh(session.refreshToken);
      world.clock.advance(15 * 24 * 60 * MINUTE);
      expect(await world.service.purgeExpired()).toBe(1);
    });
  });

  describe('sign-out', () => {
    it('revokes the session: its refresh and access tokens stop working at once', async () => {
      const { person, session } = await signUp();
      const other = await world.service.signIn({ email: person.email, password: person.password }, ADDRESS);
      if (!other.ok) throw new Error(other.error.message);
      const ended: SessionsEndedEvent[] = [];
      world.service.onSessionsEnded((event) => ended.push(event));
      expect(await world.service.signOut(session.refreshToken)).toEqual({ ok: true, value: { signedOut: true } });
      expect(await world.service.refresh(session.refreshToken)).toMatchObject({ ok: false, error: { code: 'refresh-token-invalid' } });
      expect(await world.service.verifyAccessToken(session.accessToken)).toMatchObject({
        ok: false,
        error: { code: 'access-token-invalid' },
      });
      // The other device stays signed in.
      expect(await world.service.verifyAccessToken(other.value.accessToken)).toMatchObject({ ok: true });
      expect(ended).toHaveLength(1);
      // Signing out twice is fine.
      expect((await world.service.signOut(session.refreshToken)).ok).toBe(true);
    });

    it('signs out everywhere on request', async () => {
      const { person, session } = await signUp();
      const other = await world.service.signIn({ email: person.email, password: person.password }, ADDRESS);
      if (!other.ok) throw new Error(other.error.message);
      await world.service.signOut(session.refreshToken, true);
      expect(await world.service.verifyAccessToken(other.value.accessToken)).toMatchObject({ ok: false });
      expect(await world.service.refresh(other.value.refreshToken)).toMatchObject({ ok: false, error: { code: 'refresh-token-invalid' } });
    });
  });

  describe('delete account', () => {
    it('needs the password, then removes the account and ends its sessions', async () => {
      const { person, session } = await signUp();
      const ended: SessionsEndedEvent[] = [];
      world.service.onSessionsEnded((event) => ended.push(event));
      expect(await world.service.deleteAccount(session.account.id, 'wrong password', ADDRESS)).toMatchObject({
        ok: false,
        error: { code: 'invalid-credentials' },
      });
      expect(await world.service.deleteAccount(session.account.id, person.password, ADDRESS)).toEqual({
        ok: true,
        value: { deleted: true },
      });
      expect(ended).toEqual([{ accountId: session.account.id, sessionIds: [expect.any(String)] }]);
      expect(await world.service.verifyAccessToken(session.accessToken)).toMatchObject({
        ok: false,
        error: { code: 'access-token-invalid' },
      });
      expect(await world.service.refresh(session.refreshToken)).toMatchObject({ ok: false, error: { code: 'refresh-token-invalid' } });
      expect(await world.service.signIn({ email: person.email, password: person.password }, ADDRESS)).toMatchObject({
        ok: false,
        error: { code: 'invalid-credentials' },
      });
      // The email address and the username are free again.
      expect((await world.service.signUp(person, ADDRESS)).ok).toBe(true);
    });

    it('counts wrong passwords with the sign-in failures', async () => {
      const { person, session } = await signUp();
      for (let attempt = 1; attempt <= 5; attempt += 1) await world.service.deleteAccount(session.account.id, `guess ${attempt}`, ADDRESS);
      expect(await world.service.deleteAccount(session.account.id, person.password, ADDRESS)).toMatchObject({
        ok: false,
        error: { code: 'rate-limited' },
      });
    });
  });

  it('keeps passwords and tokens out of its log', async () => {
    const { person, session } = await signUp();
    await world.service.signIn({ email: person.email, password: 'a wrong password' }, ADDRESS);
    const signedIn = await world.service.signIn({ email: person.email, password: person.password }, ADDRESS);
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    await world.service.refresh(session.refreshToken);
    await world.service.refresh(session.refreshToken);
    await world.service.deleteAccount(session.account.id, person.password, ADDRESS);
    const log = world.logs.join('\n');
    expect(log).toContain('sign-in-failed');
    expect(log).toContain('refresh-token-replayed');
    for (const secret of [person.password, 'a wrong password', session.refreshToken, session.accessToken, signedIn.value.refreshToken]) {
      expect(log).not.toContain(secret);
    }
  });
});
