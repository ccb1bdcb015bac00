/**
 * After tokens and the chat-log key have gone through every kind of storage
 * (keychain, safeStorage ciphertext after a failed keychain, memory only),
 * the whole data folder holds none of their bytes in any plain encoding.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, openCredentialVault } from '../../src/main/credential-vault';
import { aesGcmSafeStorage, newSafeStorageKeyHex } from './fixtures/aes-gcm-safe-storage';
import { describeWithKeychain, sessionKeychainGate } from './fixtures/keychain-test-gate';
import { runVaultProcess, valueOf } from './fixtures/run-vault-process';
import { vaultTestStore } from './fixtures/vault-test-store';

const gate = await sessionKeychainGate();

/** Every plain form a secret could take in a file. */
function plainForms(secret: Buffer): Buffer[] {
  const text = secret.toString('utf8');
  return [
    secret,
    Buffer.from(text, 'utf16le'),
    Buffer.from(secret.toString('base64')),
    Buffer.from(secret.toString('base64url')),
    Buffer.from(secret.toString('hex')),
  ];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Files under `dir` that contain any plain form of any secret. */
async function filesLeaking(dir: string, secrets: Buffer[]): Promise<string[]> {
  const needles = secrets.flatMap(plainForms);
  const leaking: string[] = [];
  for (const file of await filesUnder(dir)) {
    const content = await readFile(file);
    if (needles.some((needle) => content.includes(needle))) leaking.push(path.relative(dir, file));
  }
  return leaking;
}

describeWithKeychain('no secret reaches the data folder in plain text', gate, () => {
  const dataDirs: string[] = [];
  const keychainAccounts: string[] = [];
  afterAll(async () => {
    for (const account of keychainAccounts) await keytar.deletePassword(KEYCHAIN_SERVICE, account);
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  it('the search finds a token written in plain text (so a clean result means something)', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cam-party-plaintext-'));
    dataDirs.push(dataDir);
    const token = Buffer.from(`rt_${randomBytes(32).toString('base64url')}`);
    await mkdir(path.join(dataDir, 'nested'));
    await writeFile(path.join(dataDir, 'nested', 'leak.json'), JSON.stringify({ note: token.toString('base64') }));
    expect(await filesLeaking(dataDir, [token])).toEqual([path.join('nested', 'leak.json')]);
  });

  it('after storing tokens in the keychain, in safeStorage ciphertext and in memory', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cam-party-plaintext-'));
    dataDirs.push(dataDir);
    const keyHex = newSafeStorageKeyHex();
    const token = (): string => `rt_${randomBytes(32).toString('base64url')}`;
    const account = (): string => `account-${randomUUID()}`;
    const tokens: string[] = [];

    // Keychain, in this process (the session's gnome-keyring).
    const inKeychain = { accountId: account(), token: token() };
    keychainAccounts.push(inKeychain.accountId);
    const vault = await openCredentialVault({
      loadKeychain: () => import('keytar'),
      safeStorage: aesGcmSafeStorage({ keyHex }),
      store: vaultTestStore(dataDir),
    });
    expect((await vault.storeRefreshToken(inKeychain.accountId, inKeychain.token)).persistence).toBe('keychain');
    tokens.push(inKeychain.token);

    // safeStorage ciphertext: no bus, then a locked keyring.
    const encrypted = { accountId: account(), token: token() };
    const noBus = await runVaultProcess('no-bus', {
      dataDir,
      safeStorage: { keyHex },
      steps: [{ op: 'store', ...encrypted }, { op: 'dataKey' }],
    });
    expect(valueOf(noBus, 0)).toMatchObject({ persistence: 'encrypted-file' });
    const dataKey = valueOf(noBus, 1) as { keyHex: string; persistence: string };
    expect(dataKey.persistence).toBe('encrypted-file');
    tokens.push(encrypted.token);

    const whileLocked = { accountId: account(), token: token() };
    const locked = await runVaultProcess('locked-keyring', { dataDir, safeStorage: { keyHex }, steps: [{ op: 'store', ...whileLocked }] });
    expect(valueOf(locked, 0)).toMatchObject({ persistence: 'encrypted-file' });
    tokens.push(whileLocked.token);

    // Memory only: basic_text safeStorage, no bus.
    const inMemory = { accountId: account(), token: token() };
    const memory = await runVaultProcess('no-bus', {
      dataDir,
      safeStorage: { keyHex, backend: 'basic_text' },
      steps: [
        { op: 'store', ...inMemory },
        { op: 'read', accountId: inMemory.accountId },
      ],
    });
    expect(valueOf(memory, 0)).toMatchObject({ persistence: 'memory-only' });
    expect(valueOf(memory, 1)).toBe(inMemory.token);
    tokens.push(inMemory.token);

    // The ciphertexts really are there, and readable with the right key.
    const reader = await runVaultProcess('no-bus', {
      dataDir,
      safeStorage: { keyHex },
      steps: [
        { op: 'read', accountId: encrypted.accountId },
        { op: 'read', accountId: whileLocked.accountId },
      ],
    });
    expect([valueOf(reader, 0), valueOf(reader, 1)]).toEqual([encrypted.token, whileLocked.token]);

    expect((await filesUnder(dataDir)).length).toBeGreaterThan(0);
    const secrets = [...tokens.map((value) => Buffer.from(value)), Buffer.from(dataKey.keyHex, 'hex')];
    expect(await filesLeaking(dataDir, secrets)).toEqual([]);
  });
});
