/**
 * The credential vault against the real OS keychain: keytar talking to
 * gnome-keyring over D-Bus (run inside scripts/with-keyring.sh). Fails with
 * instructions when there is no Secret Service, unless
 * CAM_PARTY_SKIP_KEYCHAIN_TESTS=1.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeEach, expect, it } from 'vitest';
import {
  CHAT_LOG_KEY_ACCOUNT,
  CHAT_LOG_KEY_BYTES,
  CredentialVaultError,
  KEYCHAIN_SERVICE,
  openCredentialVault,
} from '../../src/main/credential-vault';
import { aesGcmSafeStorage, newSafeStorageKeyHex } from './fixtures/aes-gcm-safe-storage';
import { describeWithKeychain, sessionKeychainGate } from './fixtures/keychain-test-gate';
import { runVaultProcess, valueOf } from './fixtures/run-vault-process';
import { VAULT_STORE_NAME, vaultTestStore } from './fixtures/vault-test-store';

const gate = await sessionKeychainGate();

describeWithKeychain('credential vault with the real Secret Service', gate, () => {
  const safeStorageKeyHex = newSafeStorageKeyHex();
  const dataDirs: string[] = [];
  const keychainItems: { service: string; account: string }[] = [];
  let dataDir = '';

  const newAccountId = (): string => {
    const account = `account-${randomUUID()}`;
    keychainItems.push({ service: KEYCHAIN_SERVICE, account });
    return account;
  };
  const newToken = (): string => `rt_${randomBytes(32).toString('base64url')}`;
  const openVault = (service?: string) =>
    openCredentialVault({
      loadKeychain: () => import('keytar'),
      safeStorage: aesGcmSafeStorage({ keyHex: safeStorageKeyHex }),
      store: vaultTestStore(dataDir),
      service,
    });
  const storedRecords = async (): Promise<Record<string, unknown>> => {
    try {
      return JSON.parse(await readFile(path.join(dataDir, `${VAULT_STORE_NAME}.json`), 'utf8')) as Record<string, unknown>;
    } catch {
      return {};
    }
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cam-party-vault-'));
    dataDirs.push(dataDir);
  });

  afterAll(async () => {
    for (const { service, account } of keychainItems) await keytar.deletePassword(service, account);
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  it('chooses the keychain when an item can be written there', async () => {
    const vault = await openVault();
    expect(vault.status()).toEqual({ persistence: 'keychain', keychainProblem: null, safeStorageProblem: null });
  });

  it('sets, gets, replaces and deletes a refresh token in the keychain', async () => {
    const vault = await openVault();
    const accountId = newAccountId();
    const first = newToken();
    const second = newToken();

    expect(await vault.readRefreshToken(accountId)).toBeNull();
    expect((await vault.storeRefreshToken(accountId, first)).persistence).toBe('keychain');
    expect(await keytar.getPassword('Cam-Party Desktop', accountId)).toBe(first);
    expect(await vault.readRefreshToken(accountId)).toBe(first);

    await vault.storeRefreshToken(accountId, second);
    expect(await keytar.getPassword('Cam-Party Desktop', accountId)).toBe(second);
    expect(await vault.readRefreshToken(accountId)).toBe(second);

    await vault.forgetRefreshToken(accountId);
    expect(await keytar.getPassword('Cam-Party Desktop', accountId)).toBeNull();
    expect(await vault.readRefreshToken(accountId)).toBeNull();
    expect(await storedRecords()).not.toHaveProperty('encryptedRefreshTokens');
  });

  it('keeps accounts apart and remembers the last signed-in account across a restart', async () => {
    const alice = newAccountId();
    const bob = newAccountId();
    const aliceToken = newToken();
    const bobToken = newToken();
    const vault = await openVault();
    expect(vault.lastSignedInAccountId()).toBeNull();
    await vault.storeRefreshToken(alice, aliceToken);
    await vault.storeRefreshToken(bob, bobToken);
    expect(vault.lastSignedInAccountId()).toBe(bob);

    const restarted = await openVault();
    expect(restarted.lastSignedInAccountId()).toBe(bob);
    expect(await restarted.readRefreshToken(alice)).toBe(aliceToken);
    expect(await restarted.readRefreshToken(bob)).toBe(bobToken);

    await restarted.forgetRefreshToken(bob);
    expect(restarted.lastSignedInAccountId()).toBeNull();
    expect(await restarted.readRefreshToken(alice)).toBe(aliceToken);
    expect(await storedRecords()).toEqual({});
  });

  it('moves a token saved while the keychain was unreachable into the keychain', async () => {
    const accountId = newAccountId();
    const token = newToken();
    const offline = await runVaultProcess('no-bus', {
      dataDir,
      safeStorage: { keyHex: safeStorageKeyHex },
      steps: [{ op: 'store', accountId, token }],
    });
    expect(valueOf(offline, 0)).toMatchObject({ persistence: 'encrypted-file' });
    expect(await storedRecords()).toHaveProperty(['encryptedRefreshTokens', accountId]);

    const vault = await openVault();
    expect(await vault.readRefreshToken(accountId)).toBe(token);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, accountId)).toBe(token);
    expect(await storedRecords()).not.toHaveProperty('encryptedRefreshTokens');
  });

  it('keeps the chat-log key in the keychain and gives the same key after a restart', async () => {
    const service = `Cam-Party Desktop test ${randomUUID()}`;
    keychainItems.push({ service, account: CHAT_LOG_KEY_ACCOUNT });
    const vault = await openVault(service);
    const [created, concurrent] = await Promise.all([vault.chatLogDataKey(), vault.chatLogDataKey()]);
    expect(concurrent.key.equals(created.key)).toBe(true);
    expect(created.persistence).toBe('keychain');
    expect(created.key).toHaveLength(CHAT_LOG_KEY_BYTES);
    expect(await keytar.getPassword(service, CHAT_LOG_KEY_ACCOUNT)).toBe(created.key.toString('base64'));
    expect(await storedRecords()).toEqual({ chatLogDataKey: { home: 'keychain' } });

    const again = await (await openVault(service)).chatLogDataKey();
    expect(again.key.equals(created.key)).toBe(true);

    await vault.forgetChatLogDataKey();
    expect(await keytar.getPassword(service, CHAT_LOG_KEY_ACCOUNT)).toBeNull();
    const replacement = await (await openVault(service)).chatLogDataKey();
    expect(replacement.key.equals(created.key)).toBe(false);
  });

  it('rejects bad account ids and tokens with a clear error and stores nothing', async () => {
    const vault = await openVault();
    const accountId = newAccountId();
    await expect(vault.storeRefreshToken('', newToken())).rejects.toThrow('The account id is empty.');
    await expect(vault.storeRefreshToken(CHAT_LOG_KEY_ACCOUNT, newToken())).rejects.toThrow(/may not start with "cam-party:"/);
    await expect(vault.storeRefreshToken('line\nbreak', newToken())).rejects.toThrow(/control characters/);
    await expect(vault.storeRefreshToken(accountId, 'two words')).rejects.toThrow(/printable ASCII without spaces/);
    await expect(vault.storeRefreshToken(accountId, 123 as unknown as string)).rejects.toBeInstanceOf(CredentialVaultError);
    await expect(vault.readRefreshToken(CHAT_LOG_KEY_ACCOUNT)).rejects.toThrow(/may not start with/);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, accountId)).toBeNull();
    expect(await storedRecords()).toEqual({});
  });
});
