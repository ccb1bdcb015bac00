/**
 * Exposes exactly the bridge contract as `window.camParty`: each method an
 * invoke on its own channel, each event a subscribe function that returns
 * its unsubscribe. No raw ipcRenderer, no Node objects, and listeners get
 * the payload only (never Electron's event, which carries `sender`).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_EVENT_NAMES,
  BRIDGE_GLOBAL,
  BRIDGE_METHOD_NAMES,
  bridgeChannel,
  bridgeEventChannel,
  type BridgeReply,
} from '../shared/bridge-channels';

const api: Record<string, (...args: never[]) => unknown> = {};
for (const method of BRIDGE_METHOD_NAMES) {
  api[method] = async (input?: unknown) => {
    const reply = (await ipcRenderer.invoke(bridgeChannel(method), input)) as BridgeReply<unknown>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
}
for (const event of BRIDGE_EVENT_NAMES) {
  api[event] = (listener: unknown) => {
    if (typeof listener !== 'function') throw new TypeError(`${event} needs a listener function.`);
    const channel = bridgeEventChannel(event);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  };
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(api));
