/**
 * Exposes exactly the bridge contract as `window.camParty`: each method an
 * invoke on its own channel, each event a subscribe function that returns
 * its unsubscribe. No raw ipcRenderer, no Node objects, and listeners get
 * the payload only (never Electron's event, which carries `sender`).
 *
 * Every method resolves to main's reply and never rejects: when main does
 * not answer at all, the reply says so, so a waiting screen always ends.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_ERROR_CODES,
  BRIDGE_EVENT_NAMES,
  BRIDGE_GLOBAL,
  BRIDGE_METHOD_NAMES,
  bridgeChannel,
  bridgeEventChannel,
  type BridgeReply,
} from '../shared/bridge-channels';

const unreachable: BridgeReply<never> = {
  ok: false,
  error: {
    code: BRIDGE_ERROR_CODES.unreachable,
    message: 'Cam-Party did not answer. Try again; if it keeps happening, restart the app.',
  },
};

const isReply = (value: unknown): value is BridgeReply<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

const api: Record<string, (...args: never[]) => unknown> = {};
for (const method of BRIDGE_METHOD_NAMES) {
  api[method] = async (input?: unknown): Promise<BridgeReply<unknown>> => {
    try {
      const reply: unknown = await ipcRenderer.invoke(bridgeChannel(method), input);
      return isReply(reply) ? reply : unreachable;
    } catch {
      return unreachable;
    }
  };
}
for (const event of BRIDGE_EVENT_NAMES) {
  api[event] = (listener: unknown) => {
    // A programming error, not a failure to show: thrown, with words only this file writes.
    if (typeof listener !== 'function') {
      throw new TypeError(`${BRIDGE_GLOBAL}.${event} needs a listener function, not ${listener === null ? 'null' : typeof listener}.`);
    }
    const channel = bridgeEventChannel(event);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  };
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(api));
