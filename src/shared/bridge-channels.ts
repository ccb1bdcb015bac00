/**
 * The names on the bridge, without their schemas, so the preload stays a
 * few lines of code. `bridge-contract.ts` checks that it defines exactly
 * these methods and events.
 */
export const BRIDGE_METHOD_NAMES = [
  'getAppInfo',
  'getServerConfig',
  'getMediaAccess',
  'requestMediaAccess',
  'openMediaAccessSettings',
  'getShortcuts',
  'setShortcut',
  'setSystemWideShortcuts',
  'getAccountState',
  'signUp',
  'signIn',
  'signOut',
  'startTwoFactor',
  'confirmTwoFactor',
  'deleteAccount',
  'getSocketAccess',
  'getSettings',
  'updateSettings',
  'appendChatLog',
  'listChatLogs',
  'readChatLog',
  'deleteChatLog',
  'deleteAllChatLogs',
  'logEvent',
  'setCallActive',
  'fileReport',
  'addReportDetails',
  'blockPartner',
  'listBlocks',
  'unblockAccount',
] as const;
export type BridgeMethod = (typeof BRIDGE_METHOD_NAMES)[number];

/**
 * Main → renderer events. Each name is also the subscribe function the
 * preload exposes: `camParty.onShortcut(listener)` returns an unsubscribe.
 */
export const BRIDGE_EVENT_NAMES = ['onShortcut'] as const;
export type BridgeEvent = (typeof BRIDGE_EVENT_NAMES)[number];

/** Name of the global the preload exposes in the page. */
export const BRIDGE_GLOBAL = 'camParty';

/** IPC channel that carries one bridge method. */
export const bridgeChannel = (method: BridgeMethod): string => `cam-party:${method}`;

/** IPC channel that carries one main → renderer event. */
export const bridgeEventChannel = (event: BridgeEvent): string => `cam-party-event:${event}`;

/**
 * A failure the person can be shown: a code to act on and a sentence written
 * for people. The server's API errors have this shape too (see api-error.ts).
 */
export interface BridgeError {
  code: string;
  message: string;
  retryAfterSeconds?: number;
  issues?: Array<{ path: string; message: string }>;
}

/**
 * What every bridge call resolves to, in main, over IPC and in the page:
 * failures are values, never thrown across the bridge.
 */
export type BridgeReply<R> = { ok: true; value: R } | { ok: false; error: BridgeError };

/** Codes of failures that the bridge itself produces (the server's own codes pass through unchanged). */
export const BRIDGE_ERROR_CODES = {
  /** The call never reached a handler: not the app's page, unknown method, or input the contract refuses. */
  refused: 'bridge-refused',
  /** The handler failed in a way it did not expect (a bug, or the disk or keychain failing). */
  failed: 'app-error',
  /** The main process did not answer at all (IPC broken, or the window is closing). */
  unreachable: 'app-unreachable',
  /** The renderer stopped waiting (see the renderer's bridge-call timeout). */
  timeout: 'timeout',
} as const;
