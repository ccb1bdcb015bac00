/**
 * Searches the raw bytes of the database file and its write-ahead log for
 * the secrets a client presents. Each search is checked against something
 * that must be found (the email address), so a search of the wrong file or
 * of an empty one fails instead of passing.
 */
import fs from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeRecoveryCode } from '../../../src/shared/accounts-api';
import { createAccountsTestWorld, newPerson, type AccountsTestWorld } from './accounts-test-world';

const ADDRESS = '198.51.100.7';

describe('secrets in the database file', () => {
  let world: AccountsTestWorld;
  beforeEach(() => {
    world = createAccountsTestWorld();
  });
  afterEach(() => world.close());

  /** The main file and the -wal file, as they are on disk right now. */
  const rawFiles = (): Buffer[] =>
    [world.databasePath, `${world.databasePath}-wal`].filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file));
  const hits = (needle: string | Buffer): number => {
    const bytes = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle;
    return rawFiles().filter((file) => file.includes(bytes)).length;
  };

  it('holds neither the password nor any refresh, access or recovery code after sign-up, sign-in and refresh', async () => {
    const person = newPerson();
    const signedUp = await world.service.signUp(person, ADDRESS);
    if (!signedUp.ok) throw new Error(signedUp.error.message);
    const enrolment = await world.service.startTotpEnrolment(signedUp.value.account.id);
    if (!enrolment.ok) throw new Error(enrolment.error.message);
    const confirmed = await world.service.confirmTotpEnrolment(
      signedUp.value.account.id,
      TOTP.generate({ secret: Secret.fromBase32(enrolment.value.secret), timestamp: world.clock.now() }),
    );
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    const signedIn = await world.service.signIn(
      {
        email: person.email,
        password: person.password,
        secondFactor: { kind: 'recovery', code: normalizeRecoveryCode(confirmed.value.recoveryCodes[0]!) },
      },
      ADDRESS,
    );
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const refreshed = await world.service.refresh(signedIn.value.refreshToken);
    if (!refreshed.ok) throw new Error(refreshed.error.message);

    // Both files are searched while the data is still in the log, then again after a checkpoint moved it.
    for (const phase of ['in the write-ahead log', 'after a checkpoint']) {
      expect(hits(person.email), `email ${phase}`).toBeGreaterThan(0);
      expect(hits(person.password), `password ${phase}`).toBe(0);
      expect(hits(Buffer.from(person.password.normalize('NFKC'), 'utf8').toString('base64')), `password in base64 ${phase}`).toBe(0);
      for (const session of [signedUp.value, signedIn.value, refreshed.value]) {
        expect(hits(session.refreshToken), `refresh token ${phase}`).toBe(0);
        expect(hits(Buffer.from(session.refreshToken, 'base64url')), `refresh token bytes ${phase}`).toBe(0);
        expect(hits(session.accessToken), `access token ${phase}`).toBe(0);
      }
      for (const code of confirmed.value.recoveryCodes) {
        expect(hits(code), `recovery code ${phase}`).toBe(0);
        expect(hits(normalizeRecoveryCode(code)), `recovery code ${phase}`).toBe(0);
      }
      world.db.pragma('wal_checkpoint(TRUNCATE)');
    }
  });

  it('keeps no trace of a deleted account: no email, no username, in the file or the log', async () => {
    const person = newPerson('erasable');
    const keeper = newPerson('keeper');
    const signedUp = await world.service.signUp(person, ADDRESS);
    if (!signedUp.ok) throw new Error(signedUp.error.message);
    expect((await world.service.signUp(keeper, ADDRESS)).ok).toBe(true);
    await world.service.startTotpEnrolment(signedUp.value.account.id);
    world.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(hits(person.email)).toBeGreaterThan(0);
    expect(hits(person.username)).toBeGreaterThan(0);

    const deleted = await world.service.deleteAccount(signedUp.value.account.id, person.password, ADDRESS);
    expect(deleted.ok).toBe(true);
    expect(hits(person.email)).toBe(0);
    expect(hits(person.username)).toBe(0);
    expect(hits(signedUp.value.account.id)).toBe(0);
    // The other account is untouched, which also shows the search reads the right file.
    expect(hits(keeper.email)).toBeGreaterThan(0);
  });
});
