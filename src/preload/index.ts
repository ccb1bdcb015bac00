/**
 * Exposes exactly the bridge contract's methods as `window.camParty`, each
 * one an invoke on its own channel. No raw ipcRenderer, no Node objects.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, BRIDGE_METHOD_NAMES, bridgeChannel, type BridgeReply } from '../shared/bridge-channels';

const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const method of BRIDGE_METHOD_NAMES) {
  api[method] = async (input?: unknown) => {
    const reply = (await ipcRenderer.invoke(bridgeChannel(method), input)) as BridgeReply<unknown>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(api));
