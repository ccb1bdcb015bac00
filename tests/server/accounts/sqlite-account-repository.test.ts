import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from '../../../server/database';
import type { AccountRecord } from '../../../server/accounts/account-repository';
import type { SqliteAccountRepository } from '../../../server/accounts/sqlite-account-repository';
import { createAccountsTestWorld, type AccountsTestWorld } from './accounts-test-world';

const hash = (text: string): Buffer => createHash('sha256').update(text).digest();
const account = (id: string, overrides: Partial<AccountRecord> = {}): AccountRecord => ({
  id,
  email: `${id}@example.test`,
  username: `user_${id}`,
  passwordHash: 'scrypt$12$8$1$salt$hash',
  createdAt: 1,
  ...overrides,
});

describe('SqliteAccountRepository', () => {
  let world: AccountsTestWorld;
  let repository: SqliteAccountRepository;
  beforeEach(() => {
    world = createAccountsTestWorld();
    repository = world.repository;
  });
  afterEach(() => world.close());

  const countRows = (table: string): number => world.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  it('migrates a new file to the latest schema, and reopens it without change', () => {
    expect(world.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    world.db.close();
    const again = openDatabase(world.databasePath);
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(again.pragma('secure_delete', { simple: true })).toBe(1);
    again.close();
  });

  it('creates and finds accounts, refusing a taken email or username (in any case)', async () => {
    expect(await repository.createAccount(account('a'))).toBe('created');
    expect(await repository.findAccountByEmail('a@example.test')).toEqual(account('a'));
    expect(await repository.findAccountById('a')).toEqual(account('a'));
    expect(await repository.findAccountById('nobody')).toBeNull();
    expect(await repository.createAccount(account('b', { email: 'a@example.test' }))).toBe('email-taken');
    expect(await repository.createAccount(account('b', { username: 'USER_A' }))).toBe('username-taken');
    expect(countRows('accounts')).toBe(1);
  });

  it('rotates a refresh token once: a second rotation of the same token stores nothing', async () => {
    await repository.createAccount(account('a'));
    await repository.createSession({ id: 's1', accountId: 'a', createdAt: 1 }, { hash: hash('t1'), createdAt: 1, expiresAt: 100 });
    expect(await repository.findRefreshToken(hash('t1'))).toEqual({ sessionId: 's1', accountId: 'a', expiresAt: 100, usedAt: null });
    expect(await repository.rotateRefreshToken(hash('t1'), { hash: hash('t2'), createdAt: 2, expiresAt: 200 }, 2)).toBe(true);
    expect(await repository.rotateRefreshToken(hash('t1'), { hash: hash('t3'), createdAt: 3, expiresAt: 300 }, 3)).toBe(false);
    expect(await repository.findRefreshToken(hash('t1'))).toMatchObject({ usedAt: 2 });
    expect(await repository.findRefreshToken(hash('t2'))).toMatchObject({ sessionId: 's1', usedAt: null });
    expect(await repository.findRefreshToken(hash('t3'))).toBeNull();
  });

  it('ends sessions one at a time or all at once, with their tokens', async () => {
    await repository.createAccount(account('a'));
    await repository.createSession({ id: 's1', accountId: 'a', createdAt: 1 }, { hash: hash('t1'), createdAt: 1, expiresAt: 100 });
    await repository.createSession({ id: 's2', accountId: 'a', createdAt: 1 }, { hash: hash('t2'), createdAt: 1, expiresAt: 100 });
    await repository.createSession({ id: 's3', accountId: 'a', createdAt: 1 }, { hash: hash('t3'), createdAt: 1, expiresAt: 100 });
    await repository.deleteSession('s1');
    expect(await repository.sessionExists('s1', 'a')).toBe(false);
    expect(await repository.findRefreshToken(hash('t1'))).toBeNull();
    expect(await repository.sessionExists('s2', 'other-account')).toBe(false);
    expect((await repository.deleteAllSessions('a')).sort()).toEqual(['s2', 's3']);
    expect(countRows('sessions') + countRows('refresh_tokens')).toBe(0);
  });

  it('purges expired tokens and the sessions they leave without a live token', async () => {
    await repository.createAccount(account('a'));
    await repository.createSession({ id: 'old', accountId: 'a', createdAt: 1 }, { hash: hash('old'), createdAt: 1, expiresAt: 50 });
    await repository.createSession({ id: 'live', accountId: 'a', createdAt: 1 }, { hash: hash('l1'), createdAt: 1, expiresAt: 60 });
    await repository.rotateRefreshToken(hash('l1'), { hash: hash('l2'), createdAt: 40, expiresAt: 500 }, 40);
    expect(await repository.purgeExpired(100)).toBe(1);
    expect(await repository.sessionExists('old', 'a')).toBe(false);
    expect(await repository.sessionExists('live', 'a')).toBe(true);
    expect(await repository.findRefreshToken(hash('l1'))).toBeNull();
    expect(await repository.findRefreshToken(hash('l2'))).not.toBeNull();
  });

  it('keeps TOTP steps moving forward only', async () => {
    await repository.createAccount(account('a'));
    await repository.savePendingTotp('a', 'SECRETONE', 1);
    expect(await repository.claimTotpStep('a', 10)).toBe(false); // not confirmed yet
    await repository.savePendingTotp('a', 'SECRETTWO', 2);
    expect(await repository.confirmTotp('a', 3, 10, [hash('r1'), hash('r2')])).toBe(true);
    expect(await repository.getTotp('a')).toEqual({ secret: 'SECRETTWO', createdAt: 2, confirmedAt: 3, lastUsedStep: 10 });
    expect(await repository.confirmTotp('a', 4, 11, [])).toBe(false);
    // A confirmed secret is not replaced by a new pending one.
    await repository.savePendingTotp('a', 'SECRETTHREE', 5);
    expect((await repository.getTotp('a'))?.secret).toBe('SECRETTWO');
    expect(await repository.claimTotpStep('a', 10)).toBe(false);
    expect(await repository.claimTotpStep('a', 9)).toBe(false);
    expect(await repository.claimTotpStep('a', 11)).toBe(true);
    expect(await repository.claimTotpStep('a', 11)).toBe(false);
  });

  it('uses each recovery code once, and drops them with the TOTP secret', async () => {
    await repository.createAccount(account('a'));
    await repository.savePendingTotp('a', 'SECRET', 1);
    await repository.confirmTotp('a', 2, 1, [hash('r1'), hash('r2')]);
    expect(await repository.countRecoveryCodes('a')).toBe(2);
    expect(await repository.consumeRecoveryCode('a', hash('r1'))).toBe(true);
    expect(await repository.consumeRecoveryCode('a', hash('r1'))).toBe(false);
    expect(await repository.consumeRecoveryCode('a', hash('nope'))).toBe(false);
    expect(await repository.countRecoveryCodes('a')).toBe(1);
    await repository.deleteTotp('a');
    expect(await repository.getTotp('a')).toBeNull();
    expect(await repository.countRecoveryCodes('a')).toBe(0);
  });

  it("deletes an account with all of its rows, and no one else's", async () => {
    for (const id of ['a', 'b']) {
      await repository.createAccount(account(id));
      await repository.createSession(
        { id: `s-${id}`, accountId: id, createdAt: 1 },
        { hash: hash(`t-${id}`), createdAt: 1, expiresAt: 100 },
      );
      await repository.savePendingTotp(id, 'SECRET', 1);
      await repository.confirmTotp(id, 2, 1, [hash(`r-${id}`)]);
    }
    expect(await repository.deleteAccount('a')).toBe(true);
    expect(await repository.deleteAccount('a')).toBe(false);
    for (const table of ['accounts', 'sessions', 'refresh_tokens', 'totp_secrets', 'recovery_codes']) {
      expect(countRows(table), table).toBe(1);
    }
    expect(await repository.findAccountById('b')).not.toBeNull();
  });
});
