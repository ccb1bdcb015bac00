/**
 * Reaching the operating system's keychain through keytar: loading the
 * native module, checking that a secret can really be written, and telling
 * "the keychain is not there" apart from every other error.
 */
import type * as Keytar from 'keytar';

/** The part of keytar the vault uses. */
export type KeychainApi = Pick<typeof Keytar, 'getPassword' | 'setPassword' | 'deletePassword'>;

/** Loads keytar; `() => import('keytar')` in the app. May throw when the native module cannot load. */
export type KeychainLoader = () => unknown;

export type KeychainConnection = { ok: true; keychain: KeychainApi } | { ok: false; reason: string };

/**
 * Errors that mean "no keychain is reachable", so the vault falls back.
 * Measured with keytar 7.9 and libsecret on Linux (see ENVIRONMENT.md);
 * the macOS ones are what Security.framework says when it may not show UI.
 */
const KEYCHAIN_UNAVAILABLE_PATTERNS: readonly RegExp[] = [
  /Cannot autolaunch D-Bus/i, // no session bus and no X11 display
  /Could not connect/i, // DBUS_SESSION_BUS_ADDRESS points at nothing
  /was not provided by any \.service files/i, // no Secret Service installed
  /ServiceUnknown/i,
  /locked collection/i, // "Cannot create an item in a locked collection"
  /Object does not exist at path/i, // a keyring daemon without a login collection
  /Failed to execute child process/i, // dbus-launch missing
  /prompt (was )?dismissed/i, // the unlock prompt was refused or could not be shown
  /User interaction is not allowed/i, // macOS keychain locked, no UI possible
];

/** The reason to show when `error` means the keychain is unreachable, or null for any other error. */
export function keychainUnavailableReason(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return KEYCHAIN_UNAVAILABLE_PATTERNS.some((pattern) => pattern.test(message)) ? message : null;
}

/** Accepts keytar as `require` returns it or as a dynamic `import` namespace. */
function asKeychainApi(loaded: unknown): KeychainApi | null {
  const candidates = [loaded, (loaded as { default?: unknown } | null)?.default];
  for (const candidate of candidates) {
    const api = candidate as Partial<KeychainApi> | null | undefined;
    if (typeof api?.getPassword === 'function' && typeof api.setPassword === 'function' && typeof api.deletePassword === 'function') {
      return api as KeychainApi;
    }
  }
  return null;
}

/** Not an account id: account ids may not start with this prefix (see credential-vault.ts). */
export const KEYCHAIN_PROBE_ACCOUNT = 'cam-party:availability-probe';

/**
 * Loads keytar and writes then deletes a throwaway item. A write is needed:
 * on a locked Secret Service collection reads quietly return null, only
 * writes fail ("Cannot create an item in a locked collection").
 * Errors that do not mean "unreachable" are thrown, not hidden.
 */
export async function connectKeychain(load: KeychainLoader, service: string): Promise<KeychainConnection> {
  let keychain: KeychainApi | null;
  try {
    keychain = asKeychainApi(await load());
  } catch (error) {
    return { ok: false, reason: `keytar could not load: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (keychain === null) return { ok: false, reason: 'keytar loaded without getPassword, setPassword and deletePassword' };
  try {
    await keychain.setPassword(service, KEYCHAIN_PROBE_ACCOUNT, 'probe');
    await keychain.deletePassword(service, KEYCHAIN_PROBE_ACCOUNT);
  } catch (error) {
    const reason = keychainUnavailableReason(error);
    if (reason === null) throw new Error(`The system keychain failed unexpectedly: ${String(error)}`, { cause: error });
    return { ok: false, reason };
  }
  return { ok: true, keychain };
}
