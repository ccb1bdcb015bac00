/**
 * The bridge between the renderer and the main process: every method the
 * preload exposes, with the schema of its input and of its result. Main
 * validates every call against it, the preload exposes exactly these names,
 * and the renderer takes its types from here.
 */
import { z } from 'zod';
import type { BridgeMethod } from './bridge-channels';

export { BRIDGE_GLOBAL, BRIDGE_METHOD_NAMES, bridgeChannel, type BridgeMethod, type BridgeReply } from './bridge-channels';

const noInput = z.undefined();

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const serverConfigSchema = z.strictObject({
  /** WebSocket URL of the matchmaking and signaling server. */
  url: z.string().regex(/^wss?:\/\//),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

export const bridgeContract = {
  getAppInfo: { input: noInput, result: appInfoSchema },
  getServerConfig: { input: noInput, result: serverConfigSchema },
} as const satisfies Record<BridgeMethod, { input: z.ZodType; result: z.ZodType }>;

export type BridgeContract = typeof bridgeContract;

export type BridgeInput<M extends BridgeMethod> = z.input<BridgeContract[M]['input']>;
export type BridgeResult<M extends BridgeMethod> = z.output<BridgeContract[M]['result']>;

/** What the renderer sees as `window.camParty`. */
export type CamPartyBridge = {
  [M in BridgeMethod]: BridgeInput<M> extends undefined
    ? () => Promise<BridgeResult<M>>
    : (input: BridgeInput<M>) => Promise<BridgeResult<M>>;
};

