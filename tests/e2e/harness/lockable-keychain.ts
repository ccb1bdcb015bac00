/**
 * A system keychain (keytar's shape) that the test can lock while the app
 * runs, as macOS locks a keychain after a while or on sleep. Locked, every
 * call fails with what keytar reports when the person cannot unlock it, an
 * error the vault does not take for "no keychain here", so storing a
 * credential fails instead of falling back to another store.
 */
import type { KeychainApi } from '../../../src/main/os-keychain';

/** What Security.framework answers when the unlock prompt is answered wrongly or cancelled (errSecAuthFailed). */
export const KEYCHAIN_LOCKED_ERROR = 'The user name or passphrase you entered is not correct.';

export interface LockableKeychain extends KeychainApi {
  lock(): void;
  unlock(): void;
}

export function lockableKeychain(): LockableKeychain {
  const items = new Map<string, string>();
  let locked = false;
  const unlocked = <T>(work: () => T): Promise<T> => (locked ? Promise.reject(new Error(KEYCHAIN_LOCKED_ERROR)) : Promise.resolve(work()));
  const keyOf = (service: string, account: string): string => `${service}\u0000${account}`;
  return {
    getPassword: (service, account) => unlocked(() => items.get(keyOf(service, account)) ?? null),
    setPassword: (service, account, password) => unlocked(() => void items.set(keyOf(service, account), password)),
    deletePassword: (service, account) => unlocked(() => items.delete(keyOf(service, account))),
    lock: () => (locked = true),
    unlock: () => (locked = false),
  };
}
