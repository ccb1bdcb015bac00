/**
 * The credential vault: one refresh token per account, and the random key
 * that encrypts the local chat log, kept where the system keeps passwords.
 *
 *  1. The OS keychain through keytar (service "Cam-Party Desktop", account =
 *     the account id), when keytar loads and an item can really be written.
 *  2. Otherwise Electron safeStorage ciphertext in a small store file.
 *  3. Otherwise (safeStorage missing, or Linux's `basic_text` backend)
 *     memory only: the person signs in again next time, and `status()`
 *     says so for the UI.
 *
 * Nothing secret is ever written to disk in plain text. keytar and
 * safeStorage are parameters: this module never loads Electron.
 */
import { randomBytes } from 'node:crypto';
import { accountIdSchema, CredentialVaultError, parseInput, RESERVED_ACCOUNT_PREFIX, refreshTokenSchema } from './credential-vault-input';
import { CredentialVaultRecords, type KeyValueStore } from './credential-vault-store';
import type { KeychainLoader } from './os-keychain';
import type { SafeStorageApi } from './safe-storage-cipher';
import { SecretHomes, type CredentialPersistence, type VaultStatus } from './secret-homes';

export { CredentialVaultError } from './credential-vault-input';
export type { CredentialPersistence, VaultStatus } from './secret-homes';

export const KEYCHAIN_SERVICE = 'Cam-Party Desktop';
export const CHAT_LOG_KEY_ACCOUNT = `${RESERVED_ACCOUNT_PREFIX}chat-log-data-key`;
export const CHAT_LOG_KEY_BYTES = 32;

export interface CredentialVaultOptions {
  /** `() => import('keytar')` in the app. */
  loadKeychain: KeychainLoader;
  /** Electron's `safeStorage`, or null where there is none. */
  safeStorage: SafeStorageApi | null;
  /** electron-store in the app (its own file, e.g. `name: 'credential-vault'`). */
  store: KeyValueStore;
  /** Defaults to "Cam-Party Desktop". */
  service?: string;
}

function decodeDataKey(base64: string, where: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== CHAT_LOG_KEY_BYTES || key.toString('base64') !== base64) {
    throw new CredentialVaultError(`The chat-log key in the ${where} is damaged.`);
  }
  return key;
}

/** Checks the keychain (one throwaway write), then chooses where secrets go. */
export function openCredentialVault(options: CredentialVaultOptions): Promise<CredentialVault> {
  return CredentialVault.open(options);
}

export class CredentialVault {
  /** Tokens kept for this run only (memory-only persistence). */
  private readonly memoryTokens = new Map<string, string>();
  /** Shared by concurrent first calls, so only one key is ever made. */
  private dataKey: Promise<{ key: Buffer; persistence: CredentialPersistence }> | null = null;

  private constructor(
    private readonly service: string,
    private readonly homes: SecretHomes,
    private readonly records: CredentialVaultRecords,
  ) {}

  static async open(options: CredentialVaultOptions): Promise<CredentialVault> {
    const service = options.service ?? KEYCHAIN_SERVICE;
    const homes = await SecretHomes.open(options.loadKeychain, service, options.safeStorage);
    return new CredentialVault(service, homes, new CredentialVaultRecords(options.store));
  }

  /** Where a token stored now would live; the UI warns on `memory-only`. */
  status(): VaultStatus {
    return this.homes.status();
  }

  /** Which account signed in last (not secret), to restore the session at start. */
  lastSignedInAccountId(): string | null {
    return this.records.lastSignedInAccountId();
  }

  /** Keeps the account's refresh token (replacing any earlier one) and marks it as the last signed-in account. */
  async storeRefreshToken(accountId: string, refreshToken: string): Promise<VaultStatus> {
    accountId = parseInput(accountIdSchema, accountId);
    refreshToken = parseInput(refreshTokenSchema, refreshToken);
    if ((await this.homes.tryKeychain((keychain) => keychain.setPassword(this.service, accountId, refreshToken))).reached) {
      this.memoryTokens.delete(accountId);
      this.records.deleteEncryptedRefreshToken(accountId);
    } else if (this.homes.status().persistence === 'encrypted-file') {
      const cipher = await this.homes.cipher();
      if (!cipher.ok) throw new CredentialVaultError(cipher.reason);
      this.records.setEncryptedRefreshToken(accountId, await cipher.cipher.encrypt(refreshToken));
      this.memoryTokens.delete(accountId);
    } else {
      this.memoryTokens.set(accountId, refreshToken);
      // An older copy on disk must not come back next run in place of this one.
      this.records.deleteEncryptedRefreshToken(accountId);
    }
    this.records.setLastSignedInAccountId(accountId);
    return this.status();
  }

  /** The account's refresh token, or null when none is kept (or none can be read now). */
  async readRefreshToken(accountId: string): Promise<string | null> {
    accountId = parseInput(accountIdSchema, accountId);
    const inMemory = this.memoryTokens.get(accountId);
    if (inMemory !== undefined) return inMemory;
    // A file copy only exists when it was written while the keychain was
    // unreachable, so it is newer than anything in the keychain.
    const fromFile = await this.readEncryptedToken(accountId);
    if (fromFile !== null) return fromFile;
    const fromKeychain = await this.homes.tryKeychain((keychain) => keychain.getPassword(this.service, accountId));
    return fromKeychain.reached ? fromKeychain.value : null;
  }

  /** Removes the account's token everywhere it can be reached (sign-out, account deletion). */
  async forgetRefreshToken(accountId: string): Promise<void> {
    accountId = parseInput(accountIdSchema, accountId);
    this.memoryTokens.delete(accountId);
    this.records.deleteEncryptedRefreshToken(accountId);
    // If the keychain became unreachable the copy there stays; the server
    // revokes the token at sign-out, so it is useless anyway.
    await this.homes.tryKeychain((keychain) => keychain.deletePassword(this.service, accountId));
    if (this.records.lastSignedInAccountId() === accountId) this.records.setLastSignedInAccountId(null);
  }

  /**
   * The random key that encrypts the local chat log, created on first use
   * and kept like a token. Throws when the key exists but cannot be read
   * now (keychain locked, safeStorage gone): making a new one would leave
   * the existing log unreadable.
   */
  async chatLogDataKey(): Promise<{ key: Buffer; persistence: CredentialPersistence }> {
    this.dataKey ??= this.readDataKey().then((existing) => existing ?? this.createDataKey());
    const pending = this.dataKey;
    try {
      const { key, persistence } = await pending;
      return { key: Buffer.from(key), persistence }; // a copy: callers may wipe theirs
    } catch (error) {
      if (this.dataKey === pending) this.dataKey = null; // let a later call try again
      throw error;
    }
  }

  /** Deletes the chat-log key (with it, the existing log becomes unreadable). */
  async forgetChatLogDataKey(): Promise<void> {
    const cached = this.dataKey;
    this.dataKey = null;
    (await cached?.catch(() => null))?.key.fill(0);
    this.records.setDataKey(null);
    await this.homes.tryKeychain((keychain) => keychain.deletePassword(this.service, CHAT_LOG_KEY_ACCOUNT));
  }

  private async readDataKey(): Promise<{ key: Buffer; persistence: CredentialPersistence } | null> {
    const record = this.records.dataKey();
    if (record === undefined) return null;
    if (record.home === 'encrypted-file') {
      const cipher = await this.homes.cipher();
      if (!cipher.ok) throw new CredentialVaultError(`The chat-log key cannot be decrypted now: ${cipher.reason}.`);
      let decrypted: { plainText: string; stale: boolean };
      try {
        decrypted = await cipher.cipher.decrypt(record.cipherText);
      } catch (error) {
        throw new CredentialVaultError(`The chat-log key cannot be decrypted: ${String(error)}`, { cause: error });
      }
      if (decrypted.stale)
        this.records.setDataKey({ home: 'encrypted-file', cipherText: await cipher.cipher.encrypt(decrypted.plainText) });
      return { key: decodeDataKey(decrypted.plainText, 'credential store'), persistence: 'encrypted-file' };
    }
    const stored = await this.homes.tryKeychain((keychain) => keychain.getPassword(this.service, CHAT_LOG_KEY_ACCOUNT));
    if (!stored.reached) {
      throw new CredentialVaultError(
        `The chat-log key is kept in the system keychain, which cannot be reached now (${this.homes.status().keychainProblem ?? 'unknown reason'}).`,
      );
    }
    // Reached but empty: someone removed the item, so a new key is made.
    return stored.value === null ? null : { key: decodeDataKey(stored.value, 'keychain'), persistence: 'keychain' };
  }

  private async createDataKey(): Promise<{ key: Buffer; persistence: CredentialPersistence }> {
    const key = randomBytes(CHAT_LOG_KEY_BYTES);
    const encoded = key.toString('base64');
    if ((await this.homes.tryKeychain((keychain) => keychain.setPassword(this.service, CHAT_LOG_KEY_ACCOUNT, encoded))).reached) {
      this.records.setDataKey({ home: 'keychain' });
      return { key, persistence: 'keychain' };
    }
    if (this.homes.status().persistence === 'encrypted-file') {
      const cipher = await this.homes.cipher();
      if (!cipher.ok) throw new CredentialVaultError(cipher.reason);
      this.records.setDataKey({ home: 'encrypted-file', cipherText: await cipher.cipher.encrypt(encoded) });
      return { key, persistence: 'encrypted-file' };
    }
    this.records.setDataKey(null);
    return { key, persistence: 'memory-only' };
  }

  private async readEncryptedToken(accountId: string): Promise<string | null> {
    const cipherText = this.records.encryptedRefreshToken(accountId);
    if (cipherText === undefined) return null;
    const cipher = await this.homes.cipher();
    if (!cipher.ok) return null; // kept: safeStorage may work again next run
    let decrypted: { plainText: string; stale: boolean };
    try {
      decrypted = await cipher.cipher.decrypt(cipherText);
    } catch {
      // Encrypted under a key this system no longer has: signing in again is the only way.
      this.records.deleteEncryptedRefreshToken(accountId);
      return null;
    }
    const token = decrypted.plainText;
    if ((await this.homes.tryKeychain((keychain) => keychain.setPassword(this.service, accountId, token))).reached) {
      this.records.deleteEncryptedRefreshToken(accountId); // moved into the keychain, now reachable again
    } else if (decrypted.stale) {
      this.records.setEncryptedRefreshToken(accountId, await cipher.cipher.encrypt(token));
    }
    return token;
  }
}
