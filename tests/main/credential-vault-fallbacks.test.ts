/**
 * Where the credential vault keeps secrets when the keychain fails, each
 * failure made to really happen: keytar in a process with no D-Bus, with a
 * bus address leading nowhere, against a locked gnome-keyring, or keytar
 * that cannot load. safeStorage is the AES-GCM stand-in (no Electron binary
 * here), set to a protecting backend, to `basic_text`, or to unavailable.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCredentialVault } from '../../src/main/credential-vault';
import type { SafeStorageApi } from '../../src/main/safe-storage-cipher';
import { aesGcmSafeStorage, newSafeStorageKeyHex } from './fixtures/aes-gcm-safe-storage';
import { describeWithKeychain, keyringToolsGate } from './fixtures/keychain-test-gate';
import { runVaultProcess, valueOf } from './fixtures/run-vault-process';
import { VAULT_STORE_NAME, vaultTestStore } from './fixtures/vault-test-store';

const dataDirs: string[] = [];
async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cam-party-vault-fallback-'));
  dataDirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

const newAccountId = (): string => `account-${randomUUID()}`;
const newToken = (): string => `rt_${randomBytes(32).toString('base64url')}`;
/** A fresh data folder, and an account with its token to keep there. */
async function newVaultCase(): Promise<{ dataDir: string; accountId: string; token: string }> {
  return { dataDir: await newDataDir(), accountId: newAccountId(), token: newToken() };
}
/** Where the vault says it keeps secrets, then a token kept and read back. */
const statusStoreRead = (accountId: string, token: string) =>
  [{ op: 'status' }, { op: 'store', accountId, token }, { op: 'read', accountId }] as const;
async function storedRecords(dataDir: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, `${VAULT_STORE_NAME}.json`), 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** keytar whose native binary is missing, as when no prebuilt binary fits the platform. */
const loadBrokenKeytar = () => createRequire(import.meta.url)('keytar/build/Release/not-built.node') as unknown;

describe('credential vault when keytar cannot load', () => {
  const keyHex = newSafeStorageKeyHex();
  const openVault = (dataDir: string, safeStorage: SafeStorageApi | null = aesGcmSafeStorage({ keyHex })) =>
    openCredentialVault({ loadKeychain: loadBrokenKeytar, safeStorage, store: vaultTestStore(dataDir) });

  it('keeps the token as safeStorage ciphertext in the store', async () => {
    const { dataDir, accountId, token } = await newVaultCase();
    const vault = await openVault(dataDir);
    expect(vault.status()).toMatchObject({ persistence: 'encrypted-file', safeStorageProblem: null });
    expect(vault.status().keychainProblem).toMatch(/^keytar could not load: Cannot find module/);

    await vault.storeRefreshToken(accountId, token);
    const cipherText = ((await storedRecords(dataDir)).encryptedRefreshTokens as Record<string, string>)[accountId];
    expect(cipherText).toBeDefined();
    const decrypted = await aesGcmSafeStorage({ keyHex }).decryptStringAsync(Buffer.from(cipherText ?? '', 'base64'));
    expect(decrypted.result).toBe(token);
    expect(await (await openVault(dataDir)).readRefreshToken(accountId)).toBe(token);
  });

  it('drops a stored token that this system can no longer decrypt', async () => {
    const dataDir = await newDataDir();
    const accountId = newAccountId();
    await (await openVault(dataDir)).storeRefreshToken(accountId, newToken());
    const otherMachine = await openVault(dataDir, aesGcmSafeStorage({ keyHex: newSafeStorageKeyHex() }));
    expect(await otherMachine.readRefreshToken(accountId)).toBeNull();
    expect(await storedRecords(dataDir)).not.toHaveProperty('encryptedRefreshTokens');
  });

  it('keeps the token in memory only when there is no safeStorage', async () => {
    const { dataDir, accountId, token } = await newVaultCase();
    const vault = await openVault(dataDir, null);
    expect(vault.status()).toMatchObject({ persistence: 'memory-only', safeStorageProblem: 'Electron safeStorage is not available' });
    expect((await vault.storeRefreshToken(accountId, token)).persistence).toBe('memory-only');
    expect(await vault.readRefreshToken(accountId)).toBe(token);
    expect(await (await openVault(dataDir, null)).readRefreshToken(accountId)).toBeNull();
  });

  it('names a damaged store entry instead of guessing', async () => {
    const dataDir = await newDataDir();
    await writeFile(path.join(dataDir, `${VAULT_STORE_NAME}.json`), JSON.stringify({ encryptedRefreshTokens: { someone: 42 } }));
    const vault = await openVault(dataDir);
    await expect(vault.readRefreshToken('someone')).rejects.toThrow(/"encryptedRefreshTokens" entry is damaged/);
  });
});

describe.concurrent('credential vault when no D-Bus session is reachable (child processes)', () => {
  it('without a session bus: encrypts into the store, and the token survives a restart until forgotten', async () => {
    const { dataDir, accountId, token } = await newVaultCase();
    const safeStorage = { keyHex: newSafeStorageKeyHex() };

    const first = await runVaultProcess('no-bus', {
      dataDir,
      safeStorage,
      steps: [...statusStoreRead(accountId, token)],
    });
    expect(valueOf(first, 0)).toEqual({
      persistence: 'encrypted-file',
      keychainProblem: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
      safeStorageProblem: null,
    });
    expect(valueOf(first, 2)).toBe(token);
    expect(await storedRecords(dataDir)).toHaveProperty(['encryptedRefreshTokens', accountId]);

    const restarted = await runVaultProcess('no-bus', {
      dataDir,
      safeStorage,
      steps: [{ op: 'lastAccount' }, { op: 'read', accountId }, { op: 'forget', accountId }],
    });
    expect(valueOf(restarted, 0)).toBe(accountId);
    expect(valueOf(restarted, 1)).toBe(token);

    const afterSignOut = await runVaultProcess('no-bus', {
      dataDir,
      safeStorage,
      steps: [{ op: 'read', accountId }, { op: 'lastAccount' }],
    });
    expect(valueOf(afterSignOut, 0)).toBeNull();
    expect(valueOf(afterSignOut, 1)).toBeNull();
  });

  it('with a bus address that leads nowhere: encrypts into the store', async () => {
    const { dataDir, accountId, token } = await newVaultCase();
    const results = await runVaultProcess('dead-bus', {
      dataDir,
      safeStorage: { keyHex: newSafeStorageKeyHex() },
      steps: [...statusStoreRead(accountId, token)],
    });
    expect(valueOf(results, 0)).toMatchObject({
      persistence: 'encrypted-file',
      keychainProblem: expect.stringMatching(/^Could not connect/),
    });
    expect(valueOf(results, 2)).toBe(token);
  });

  it('with safeStorage on the basic_text backend: memory only, gone after a restart', async () => {
    const { dataDir, accountId, token } = await newVaultCase();
    const safeStorage = { keyHex: newSafeStorageKeyHex(), backend: 'basic_text' as const };
    const first = await runVaultProcess('no-bus', {
      dataDir,
      safeStorage,
      steps: [...statusStoreRead(accountId, token)],
    });
    expect(valueOf(first, 0)).toEqual({
      persistence: 'memory-only',
      keychainProblem: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
      safeStorageProblem: 'safeStorage uses the basic_text backend, which protects nothing',
    });
    expect(valueOf(first, 1)).toMatchObject({ persistence: 'memory-only' });
    expect(valueOf(first, 2)).toBe(token);
    expect(await storedRecords(dataDir)).toEqual({ lastSignedInAccountId: accountId });

    const restarted = await runVaultProcess('no-bus', { dataDir, safeStorage, steps: [{ op: 'lastAccount' }, { op: 'read', accountId }] });
    expect(valueOf(restarted, 0)).toBe(accountId);
    expect(valueOf(restarted, 1)).toBeNull();
  });

  it('with safeStorage reporting encryption unavailable: memory only', async () => {
    const results = await runVaultProcess('no-bus', {
      dataDir: await newDataDir(),
      safeStorage: { keyHex: newSafeStorageKeyHex(), available: false },
      steps: [{ op: 'status' }],
    });
    expect(valueOf(results, 0)).toMatchObject({
      persistence: 'memory-only',
      safeStorageProblem: 'safeStorage reports that encryption is not available',
    });
  });

  it('keeps the chat-log key encrypted in the store, or for this run only without safeStorage', async () => {
    const encryptedDir = await newDataDir();
    const safeStorage = { keyHex: newSafeStorageKeyHex() };
    const [first, second] = await Promise.all([
      runVaultProcess('no-bus', { dataDir: encryptedDir, safeStorage, steps: [{ op: 'dataKey' }] }),
      runVaultProcess('no-bus', {
        dataDir: await newDataDir(),
        safeStorage: { ...safeStorage, backend: 'basic_text' },
        steps: [{ op: 'dataKey' }],
      }),
    ]);
    const kept = valueOf(first, 0) as { keyHex: string; persistence: string };
    expect(kept.persistence).toBe('encrypted-file');
    expect(kept.keyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedRecords(encryptedDir)).toMatchObject({ chatLogDataKey: { home: 'encrypted-file' } });
    const memoryOnly = valueOf(second, 0) as { keyHex: string; persistence: string };
    expect(memoryOnly.persistence).toBe('memory-only');

    const restarted = await runVaultProcess('no-bus', { dataDir: encryptedDir, safeStorage, steps: [{ op: 'dataKey' }] });
    expect(valueOf(restarted, 0)).toEqual(kept);
  });
});

describeWithKeychain('credential vault against a locked gnome-keyring (child processes)', keyringToolsGate(), () => {
  it('falls back to the store when the login collection is locked', async () => {
    const { dataDir, accountId, token } = await newVaultCase();
    const results = await runVaultProcess('locked-keyring', {
      dataDir,
      safeStorage: { keyHex: newSafeStorageKeyHex() },
      steps: [...statusStoreRead(accountId, token), { op: 'keychainGet', account: accountId }],
    });
    expect(valueOf(results, 0)).toEqual({
      persistence: 'encrypted-file',
      keychainProblem: 'Cannot create an item in a locked collection',
      safeStorageProblem: null,
    });
    expect(valueOf(results, 2)).toBe(token);
    expect(valueOf(results, 3)).toBeNull();
    expect(await storedRecords(dataDir)).toHaveProperty(['encryptedRefreshTokens', accountId]);
  });

  it('falls back mid-run when the keyring gets locked after start', async () => {
    const { dataDir, accountId, token } = await newVaultCase();
    const results = await runVaultProcess('keyring', {
      dataDir,
      safeStorage: { keyHex: newSafeStorageKeyHex() },
      steps: [
        { op: 'status' },
        { op: 'lockKeyring' },
        { op: 'store', accountId, token },
        { op: 'read', accountId },
        { op: 'keychainGet', account: accountId },
      ],
    });
    expect(valueOf(results, 0)).toMatchObject({ persistence: 'keychain' });
    expect(valueOf(results, 2)).toEqual({
      persistence: 'encrypted-file',
      keychainProblem: 'Cannot create an item in a locked collection',
      safeStorageProblem: null,
    });
    expect(valueOf(results, 3)).toBe(token);
    expect(valueOf(results, 4)).toBeNull();
  });

  it('refuses to replace a chat-log key kept in a keychain that is unreachable now', async () => {
    const dataDir = await newDataDir();
    const safeStorage = { keyHex: newSafeStorageKeyHex() };
    const online = await runVaultProcess('keyring', { dataDir, safeStorage, steps: [{ op: 'dataKey' }] });
    expect(valueOf(online, 0)).toMatchObject({ persistence: 'keychain' });

    const offline = await runVaultProcess('no-bus', { dataDir, safeStorage, steps: [{ op: 'dataKey' }] });
    expect(offline[0]?.error).toBe(
      'The chat-log key is kept in the system keychain, which cannot be reached now (Cannot autolaunch D-Bus without X11 $DISPLAY).',
    );
    expect(await storedRecords(dataDir)).toEqual({ chatLogDataKey: { home: 'keychain' } });
  });
});
