/**
 * The names on the bridge, without their schemas, so the preload stays a
 * few lines of code. `bridge-contract.ts` checks that it defines exactly
 * these methods.
 */
export const BRIDGE_METHOD_NAMES = ['getAppInfo', 'getServerConfig'] as const;
export type BridgeMethod = (typeof BRIDGE_METHOD_NAMES)[number];

/** Name of the global the preload exposes in the page. */
export const BRIDGE_GLOBAL = 'camParty';

/** IPC channel that carries one bridge method. */
export const bridgeChannel = (method: BridgeMethod): string => `cam-party:${method}`;

/** What a bridge call returns over the wire: errors are values, never thrown across IPC. */
export type BridgeReply<R> = { ok: true; value: R } | { ok: false; error: string };
