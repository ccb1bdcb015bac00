import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOTP } from 'otpauth';
import { AccountSession } from '../../src/main/account-session';
import { AccountsClient } from '../../src/main/accounts-client';
import { openCredentialVault } from '../../src/main/credential-vault';
import { socketProtocolsFor } from '../../src/shared/accounts-api';
import { aesGcmSafeStorage, newSafeStorageKeyHex } from './fixtures/aes-gcm-safe-storage';
import { vaultTestStore } from './fixtures/vault-test-store';
import { startTestServer, type TestServer } from '../support/test-server';
import { TestSocket } from '../server/test-socket';

const person = { email: 'session-test@example.org', username: 'calm-heron', password: 'correct horse battery staple' };

function filesContain(directory: string, needle: string): string[] {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = fs.readFileSync(file);
    for (const encoded of [Buffer.from(needle), Buffer.from(needle, 'utf16le'), Buffer.from(Buffer.from(needle).toString('base64'))]) {
      if (bytes.includes(encoded)) hits.push(file);
    }
  }
  return hits;
}

describe('AccountSession against the real server', () => {
  let server: TestServer;
  let dataDir: string;
  const keyHex = newSafeStorageKeyHex();
  // The Electron binary is missing here: keytar is made unavailable and safeStorage is the AES-GCM stand-in.
  const openVault = () =>
    openCredentialVault({
      loadKeychain: async () => {
        throw new Error('keychain not used in this test');
      },
      safeStorage: aesGcmSafeStorage({ keyHex }),
      store: vaultTestStore(dataDir),
    });
  const openSession = async () => new AccountSession(AccountsClient.fromSocketUrl(server.url), await openVault());

  beforeEach(async () => {
    server = await startTestServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-app-data-'));
  });
  afterEach(async () => {
    await server.close();
  });

  it('signs up, survives a restart, opens the socket with an access token, and signs out for real', async () => {
    const session = await openSession();
    const signedUp = await session.signUp(person);
    expect(signedUp.ok).toBe(true);
    expect(session.state()).toMatchObject({ status: 'signed-in', account: { username: 'calm-heron' }, persistence: 'encrypted-file' });

    const restarted = await openSession();
    expect(await restarted.restore()).toMatchObject({ status: 'signed-in', account: { email: person.email } });
    const token = await restarted.socketAccessToken();
    if (!token.ok) throw new Error(token.error.message);
    const socket = await TestSocket.connect(server.url, {}, socketProtocolsFor(token.value));
    socket.send({ type: 'join' });
    await socket.nextOf('queued');

    // No token and no password in plain text anywhere in the app data or the server database.
    const vault = await openVault();
    const refreshToken = await vault.readRefreshToken(vault.lastSignedInAccountId()!);
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const secret of [person.password, token.value, refreshToken!]) {
      expect(filesContain(dataDir, secret)).toEqual([]);
      expect(filesContain(path.dirname(server.databasePath), secret)).toEqual([]);
    }

    const closed = new Promise((resolve) => socket.socket.once('close', (code) => resolve(code)));
    expect(await restarted.signOut()).toEqual({ status: 'signed-out' });
    expect(await closed).toBe(4401);
    const afterSignOut = await openSession();
    expect(await afterSignOut.restore()).toEqual({ status: 'signed-out' });
  });

  it('asks for the second factor once two-factor authentication is on, and accepts a recovery code once', async () => {
    const session = await openSession();
    await session.signUp(person);
    const enrolment = await session.startTwoFactor();
    if (!enrolment.ok) throw new Error(enrolment.error.message);
    expect(enrolment.value.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const totp = new TOTP({ secret: enrolment.value.secret });
    const confirmed = await session.confirmTwoFactor(totp.generate());
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    expect(session.state()).toMatchObject({ account: { totpEnabled: true } });
    await session.signOut();

    const fresh = await openSession();
    const withoutCode = await fresh.signIn({ email: person.email, password: person.password });
    expect(withoutCode).toMatchObject({ ok: false, error: { code: 'second-factor-required' } });
    const recovery = confirmed.value.recoveryCodes[0]!;
    const withRecovery = await fresh.signIn({
      email: person.email,
      password: person.password,
      secondFactor: { kind: 'recovery', code: recovery },
    });
    expect(withRecovery).toMatchObject({ ok: true, value: { recoveryCodesLeft: 9 } });
    await fresh.signOut();
    const reused = await fresh.signIn({
      email: person.email,
      password: person.password,
      secondFactor: { kind: 'recovery', code: recovery },
    });
    expect(reused).toMatchObject({ ok: false });
  });

  it('gives clear errors and deletes the account with its password', async () => {
    const session = await openSession();
    expect(await session.signIn({ email: person.email, password: 'wrong password!!' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-credentials' },
    });
    expect(await session.socketAccessToken()).toMatchObject({ ok: false, error: { message: 'Sign in first.' } });
    await session.signUp(person);
    expect(await session.deleteAccount('not my password')).toMatchObject({ ok: false, error: { code: 'invalid-credentials' } });
    expect(await session.deleteAccount(person.password)).toMatchObject({ ok: true });
    expect(session.state()).toEqual({ status: 'signed-out' });
    expect(await session.signIn({ email: person.email, password: person.password })).toMatchObject({
      ok: false,
      error: { code: 'invalid-credentials' },
    });
  });
});
