/**
 * Installs the desktop bridge in a Chromium page the way the preload does
 * in Electron: `window.camParty` with exactly the contract's methods, each
 * call dispatched (sender check, input and result validation) to the same
 * handler table the main process uses. Only the transport differs.
 */
import type { BrowserContext } from 'playwright-core';
import { BRIDGE_GLOBAL, BRIDGE_METHOD_NAMES } from '../../../src/shared/bridge-channels';
import { dispatchBridgeCall, type BridgeHandlers } from '../../../src/main/bridge-dispatch';

const BINDING = '__camPartyBridgeInvoke';

export async function installPageBridge(
  context: BrowserContext,
  handlers: BridgeHandlers,
  trustedOrigin: string,
): Promise<void> {
  await context.exposeBinding(BINDING, ({ frame }, method: string, input: unknown) =>
    dispatchBridgeCall({ method, input, senderUrl: frame.url() }, { handlers, trustedOrigins: [trustedOrigin] }),
  );
  await context.addInitScript(
    ({ globalName, binding, methods }) => {
      const invoke = (window as unknown as Record<string, (method: string, input: unknown) => Promise<unknown>>)[binding]!;
      const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
      for (const method of methods) {
        api[method] = async (input?: unknown) => {
          const reply = (await invoke(method, input)) as { ok: boolean; value?: unknown; error?: string };
          if (!reply.ok) throw new Error(reply.error);
          return reply.value;
        };
      }
      Object.defineProperty(window, globalName, { value: Object.freeze(api), enumerable: true });
    },
    { globalName: BRIDGE_GLOBAL, binding: BINDING, methods: [...BRIDGE_METHOD_NAMES] },
  );
}
