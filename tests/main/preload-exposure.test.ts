/**
 * The preload, run for real against a stand-in `electron` module (the
 * binary is not here): it must expose exactly the contract, frozen, with
 * each method wired to its channel and each event to a subscribe function
 * whose listener receives only the payload. The stand-in ipcRenderer
 * forwards invokes to the real dispatcher, as ipcMain.handle does in main.
 */
import type { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_EVENT_NAMES, BRIDGE_GLOBAL, BRIDGE_METHOD_NAMES } from '../../src/shared/bridge-contract';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../src/main/app-protocol';
import { dispatchBridgeCall } from '../../src/main/bridge-dispatch';
import { sendBridgeEvent } from '../../src/main/bridge-events';
import { createBridgeHandlers } from '../../src/main/bridge-handlers';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const ipc = vi.hoisted(() => ({
  renderer: null as unknown as EventEmitter & { invoke(channel: string, input: unknown): Promise<unknown> },
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { openTestMainServices } = await import('../support/main-services');
  const handlersTable = createBridgeHandlers(await openTestMainServices('ws://127.0.0.1:1'));
  const renderer = Object.assign(new Emitter(), {
    invoke: (channel: string, input: unknown) =>
      dispatchBridgeCall(
        { method: channel.replace(/^cam-party:/, ''), input, senderUrl: APP_ENTRY_URL },
        { handlers: handlersTable, trustedOrigins: [APP_ORIGIN] },
      ),
  });
  ipc.renderer = renderer;
  return {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: renderer,
  };
});

type Api = Record<string, (...args: unknown[]) => unknown>;
let api: Api;

beforeAll(async () => {
  await import('../../src/preload/index');
  api = exposed.get(BRIDGE_GLOBAL) as Api;
});

describe('the preload', () => {
  it('exposes one global with exactly the contract methods and events, frozen', () => {
    expect([...exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_METHOD_NAMES, ...BRIDGE_EVENT_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const name of ['ipcRenderer', 'invoke', 'send', 'on', 'require', 'process']) expect(api[name]).toBeUndefined();
  });

  it('returns values and throws the main side error for bad input', async () => {
    await expect(api.getAppInfo!()).resolves.toEqual({ name: 'Cam-Party', version: '0.0.0-test', platform: 'linux' });
    await expect(api.getAppInfo!({ evil: true })).rejects.toThrow(/^Bridge call getAppInfo refused: bad input/);
    await expect(api.openMediaAccessSettings!({ kind: 'location' })).rejects.toThrow(/bad input/);
  });

  it('delivers events to subscribers as the payload alone, and unsubscribes', async () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onShortcut!((...args: unknown[]) => received.push(args)) as () => void;
    const target = { send: (channel: string, payload: unknown) => void ipc.renderer.emit(channel, { sender: 'ipc internals' }, payload) };
    await sendBridgeEvent(target, 'onShortcut', { action: 'call.toggle-microphone' });
    unsubscribe();
    await sendBridgeEvent(target, 'onShortcut', { action: 'call.skip' });
    expect(received).toEqual([[{ action: 'call.toggle-microphone' }]]);
    expect(ipc.renderer.listenerCount('cam-party-event:onShortcut')).toBe(0);
  });

  it('refuses a subscription without a listener function', () => {
    expect(() => api.onShortcut!('not a function')).toThrow(TypeError);
  });
});
