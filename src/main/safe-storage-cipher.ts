/**
 * Electron's safeStorage as a cipher for secrets kept in a file, and the
 * decision whether it protects anything at all. Only Electron's types are
 * imported: the app passes `safeStorage` in, tests pass a real AES-GCM
 * stand-in (the Electron binary cannot run there).
 */
import type { SafeStorage } from 'electron';

/**
 * The part of safeStorage the vault uses. `getSelectedStorageBackend` only
 * exists on Linux, hence optional.
 */
export type SafeStorageApi = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'> & {
  getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'];
};

export interface SafeStorageCipher {
  /** Ciphertext as base64, ready for a JSON store. */
  encrypt(plainText: string): Promise<string>;
  /** `stale` is true when safeStorage asks for the value to be encrypted again (its key rotated). */
  decrypt(cipherTextBase64: string): Promise<{ plainText: string; stale: boolean }>;
}

export type SafeStorageCipherResult = { ok: true; cipher: SafeStorageCipher } | { ok: false; reason: string };

/**
 * A cipher when safeStorage really protects secrets. On Linux the
 * `basic_text` backend encrypts with a key compiled into Chromium, so it
 * counts as unavailable; `unknown` means the app is not ready yet, so
 * nothing can be promised either.
 */
export async function openSafeStorageCipher(safeStorage: SafeStorageApi | null): Promise<SafeStorageCipherResult> {
  if (safeStorage === null) return { ok: false, reason: 'Electron safeStorage is not available' };
  if (typeof safeStorage.getSelectedStorageBackend === 'function') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text') {
      return { ok: false, reason: 'safeStorage uses the basic_text backend, which protects nothing' };
    }
    if (backend === 'unknown') {
      return { ok: false, reason: 'safeStorage reports an unknown backend (asked before the app was ready?)' };
    }
  }
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    return { ok: false, reason: 'safeStorage reports that encryption is not available' };
  }
  return {
    ok: true,
    cipher: {
      encrypt: async (plainText) => (await safeStorage.encryptStringAsync(plainText)).toString('base64'),
      decrypt: async (cipherTextBase64) => {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(cipherTextBase64, 'base64'));
        return { plainText: result, stale: shouldReEncrypt };
      },
    },
  };
}
