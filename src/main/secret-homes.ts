/**
 * Where the credential vault can keep secrets right now: the OS keychain
 * while it answers, else safeStorage ciphertext, else memory only. A
 * keychain that stops answering mid-run is given up for the rest of the run.
 */
import { CredentialVaultError } from './credential-vault-input';
import { connectKeychain, keychainUnavailableReason, type KeychainApi, type KeychainLoader } from './os-keychain';
import { openSafeStorageCipher, type SafeStorageApi, type SafeStorageCipherResult } from './safe-storage-cipher';

export type CredentialPersistence = 'keychain' | 'encrypted-file' | 'memory-only';

export interface VaultStatus {
  persistence: CredentialPersistence;
  /** Why the keychain is not used (null when it is). */
  keychainProblem: string | null;
  /** Why safeStorage is not used either (only set for memory-only). */
  safeStorageProblem: string | null;
}

export type KeychainOutcome<T> = { reached: true; value: T } | { reached: false };

export class SecretHomes {
  private keychain: KeychainApi | null = null;
  private persistence: CredentialPersistence = 'keychain';
  private keychainProblem: string | null = null;
  private safeStorageProblem: string | null = null;
  private cipherResult: Promise<SafeStorageCipherResult> | null = null;

  private constructor(private readonly safeStorage: SafeStorageApi | null) {}

  /** Checks the keychain (one throwaway write under `service`) and falls back when it does not answer. */
  static async open(loadKeychain: KeychainLoader, service: string, safeStorage: SafeStorageApi | null): Promise<SecretHomes> {
    const connection = await connectKeychain(loadKeychain, service);
    const homes = new SecretHomes(safeStorage);
    if (connection.ok) homes.keychain = connection.keychain;
    else await homes.loseKeychain(connection.reason);
    return homes;
  }

  /** Where a secret stored now would live. */
  status(): VaultStatus {
    return {
      persistence: this.persistence,
      keychainProblem: this.keychainProblem,
      safeStorageProblem: this.safeStorageProblem,
    };
  }

  /**
   * Runs a keychain call when there is a keychain. On an "unreachable" error
   * the vault falls back for the rest of the run; other errors are thrown.
   */
  async tryKeychain<T>(call: (keychain: KeychainApi) => Promise<T>): Promise<KeychainOutcome<T>> {
    if (!this.keychain) return { reached: false };
    try {
      return { reached: true, value: await call(this.keychain) };
    } catch (error) {
      const reason = keychainUnavailableReason(error);
      if (reason === null) throw new CredentialVaultError(`The system keychain failed: ${String(error)}`, { cause: error });
      await this.loseKeychain(reason);
      return { reached: false };
    }
  }

  /** safeStorage, opened once on first use. */
  cipher(): Promise<SafeStorageCipherResult> {
    this.cipherResult ??= openSafeStorageCipher(this.safeStorage);
    return this.cipherResult;
  }

  private async loseKeychain(reason: string): Promise<void> {
    this.keychain = null;
    this.keychainProblem = reason;
    const cipher = await this.cipher();
    this.persistence = cipher.ok ? 'encrypted-file' : 'memory-only';
    this.safeStorageProblem = cipher.ok ? null : cipher.reason;
  }
}
