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

/** What a bridge call returns over the wire: errors are values, never thrown across IPC. */
export type BridgeReply<R> = { ok: true; value: R } | { ok: false; error: string };
