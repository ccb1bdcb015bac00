/**
 * Installs the desktop bridge in a Chromium page the way the preload does
 * in Electron: `window.camParty` with exactly the contract's methods, each
 * call dispatched (sender check, input and result validation) to the same
 * handler table the main process uses, and exactly the contract's event
 * subscribe functions, fed by `emit` through the same payload check main
 * uses. Only the transport differs.
 */
import type { BrowserContext } from 'playwright-core';
import {
  BRIDGE_EVENT_NAMES,
  BRIDGE_GLOBAL,
  BRIDGE_METHOD_NAMES,
  bridgeEventChannel,
  type BridgeEvent,
  type BridgeEventPayload,
} from '../../../src/shared/bridge-contract';
import { dispatchBridgeCall, type BridgeHandlers } from '../../../src/main/bridge-dispatch';
import { sendBridgeEvent } from '../../../src/main/bridge-events';

const BINDING = '__camPartyBridgeInvoke';
/** Where the init script keeps event subscriptions; the harness's stand-in for ipcRenderer.on. */
const DELIVERY = '__camPartyBridgeDeliver';

export interface PageBridge {
  /** Sends a main → renderer event to every page of the context, as main's webContents.send would. */
  emit<E extends BridgeEvent>(event: E, payload: BridgeEventPayload<E>): Promise<void>;
}

export async function installPageBridge(context: BrowserContext, handlers: BridgeHandlers, trustedOrigin: string): Promise<PageBridge> {
  await context.exposeBinding(BINDING, ({ frame }, method: string, input: unknown) =>
    dispatchBridgeCall({ method, input, senderUrl: frame.url() }, { handlers, trustedOrigins: [trustedOrigin] }),
  );
  await context.addInitScript(
    ({ globalName, binding, delivery, methods, events }) => {
      const invoke = (window as unknown as Record<string, (method: string, input: unknown) => Promise<unknown>>)[binding]!;
      // No named function expressions in here: some transpilers wrap them in helpers the page lacks.
      const listeners = new Map<string, Set<{ listener: (payload: unknown) => void }>>();
      const api: Record<string, (argument?: unknown) => unknown> = {};
      for (const method of methods) {
        api[method] = async (input?: unknown) => {
          const reply = (await invoke(method, input)) as { ok: boolean; value?: unknown; error?: string };
          if (!reply.ok) throw new Error(reply.error);
          return reply.value;
        };
      }
      for (const { name, channel } of events) {
        listeners.set(channel, new Set());
        api[name] = (listener?: unknown) => {
          if (typeof listener !== 'function') throw new TypeError(`${name} needs a listener function.`);
          const subscription = { listener: listener as (payload: unknown) => void };
          listeners.get(channel)!.add(subscription);
          return () => {
            listeners.get(channel)!.delete(subscription);
          };
        };
      }
      Object.defineProperty(window, globalName, { value: Object.freeze(api), enumerable: true });
      Object.defineProperty(window, delivery, { value: listeners });
    },
    {
      globalName: BRIDGE_GLOBAL,
      binding: BINDING,
      delivery: DELIVERY,
      methods: [...BRIDGE_METHOD_NAMES],
      events: BRIDGE_EVENT_NAMES.map((name) => ({ name, channel: bridgeEventChannel(name) })),
    },
  );
  return {
    emit: async (event, payload) => {
      await sendBridgeEvent(
        {
          send: async (channel, checked) => {
            await Promise.all(
              context
                .pages()
                .map((page) =>
                  page.evaluate(
                    ({ delivery, channel: target, value }) =>
                      (window as unknown as Record<string, Map<string, Set<{ listener(payload: unknown): void }>>>)[delivery]
                        ?.get(target)
                        ?.forEach((subscription) => subscription.listener(value)),
                    { delivery: DELIVERY, channel, value: checked },
                  ),
                ),
            );
          },
        },
        event,
        payload,
      );
    },
  };
}
