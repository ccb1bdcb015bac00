/**
 * The `electron` module as the real preload sees it in an end-to-end page
 * (the Electron binary is missing): the preload bundle imports this in its
 * place. `contextBridge` defines the frozen, unchangeable global Electron
 * would; `ipcRenderer` carries invokes through a Playwright binding to the
 * ipcMain stand-in, and hands main's messages to its `on` listeners.
 */
import { DELIVER_GLOBAL, INVOKE_BINDING } from './transport-names';

export type IpcRendererEvent = { sender: null };
type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

const listeners = new Map<string, Set<Listener>>();
const page = globalThis as unknown as Record<string, unknown>;

export const contextBridge = {
  exposeInMainWorld(key: string, api: object): void {
    // Electron copies the API into the page frozen: the page can neither replace it nor change it.
    Object.defineProperty(globalThis, key, { value: Object.freeze(api), writable: false, configurable: false, enumerable: true });
  },
};

export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const invoke = page[INVOKE_BINDING];
    if (typeof invoke !== 'function') return Promise.reject(new Error('This page has no IPC transport.'));
    return (invoke as (channel: string, ...args: unknown[]) => Promise<unknown>)(channel, ...args);
  },
  on(channel: string, listener: Listener) {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

Object.defineProperty(globalThis, DELIVER_GLOBAL, {
  value: (channel: string, payload: unknown): number => {
    const subscribed = [...(listeners.get(channel) ?? [])];
    // Like Electron's, the event carries no sender the page could use.
    for (const listener of subscribed) listener({ sender: null }, payload);
    return subscribed.length;
  },
});
