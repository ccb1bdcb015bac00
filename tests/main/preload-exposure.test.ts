/**
 * The preload, run for real against a stand-in `electron` module (the
 * binary is not here): it must expose exactly the contract, frozen, with
 * each method wired to its channel and each event to a subscribe function
 * whose listener receives only the payload. The stand-in ipcMain is filled
 * by the app's own registration (registerBridge) with the real handlers.
 * Every method resolves to a reply and never rejects, even when main does
 * not answer at all.
 */
import type { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_EVENT_NAMES, BRIDGE_GLOBAL, BRIDGE_METHOD_NAMES, bridgeChannel } from '../../src/shared/bridge-contract';
import { sendBridgeEvent } from '../../src/main/bridge-events';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const ipc = vi.hoisted(() => ({
  renderer: null as unknown as EventEmitter & { invoke(channel: string, input: unknown): Promise<unknown> },
  registered: new Map<string, (event: { senderFrame: { url: string } }, input: unknown) => Promise<unknown>>(),
  /** Channels whose invoke fails as if main had gone (IPC broken, window closing). */
  broken: new Set<string>(),
  dispose: () => {},
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { openTestMainServices } = await import('../support/main-services');
  const { registerBridge } = await import('../../src/main/register-bridge');
  const { APP_ENTRY_URL, APP_ORIGIN } = await import('../../src/main/app-protocol');
  const services = await openTestMainServices('ws://127.0.0.1:1');
  ipc.dispose = services.dispose;
  registerBridge(
    { handle: (channel, listener) => void ipc.registered.set(channel, listener) },
    {
      handlers: services.handlers,
      trustedOrigins: [APP_ORIGIN],
      log: services.diagnostics,
    },
  );
  const renderer = Object.assign(new Emitter(), {
    invoke: async (channel: string, input: unknown) => {
      const handler = ipc.registered.get(channel);
      if (!handler || ipc.broken.has(channel)) throw new Error(`Error invoking remote method '${channel}': reply was never sent`);
      return handler({ senderFrame: { url: APP_ENTRY_URL } }, input);
    },
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
afterAll(() => ipc.dispose());

describe('the preload', () => {
  it('exposes one global with exactly the contract methods and events, frozen', () => {
    expect([...exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_METHOD_NAMES, ...BRIDGE_EVENT_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const name of ['ipcRenderer', 'invoke', 'send', 'on', 'require', 'process']) expect(api[name]).toBeUndefined();
  });

  it('is served by every channel the registration made, one per method', () => {
    expect([...ipc.registered.keys()]).toEqual(BRIDGE_METHOD_NAMES.map(bridgeChannel));
  });

  it("resolves to main's reply: a value, or a refusal with a code and a sentence", async () => {
    await expect(api.getAppInfo!()).resolves.toEqual({ ok: true, value: { name: 'Cam-Party', version: '0.0.0-test', platform: 'linux' } });
    await expect(api.getAppInfo!({ evil: true })).resolves.toMatchObject({ ok: false, error: { code: 'bridge-refused' } });
    await expect(api.openMediaAccessSettings!({ kind: 'location' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bridge-refused', message: expect.stringMatching(/^Cam-Party refused this request: /) },
    });
  });

  it('resolves to "app-unreachable" when main does not answer, and never rejects', async () => {
    ipc.broken.add(bridgeChannel('getSettings'));
    try {
      await expect(api.getSettings!()).resolves.toEqual({
        ok: false,
        error: { code: 'app-unreachable', message: 'Cam-Party did not answer. Try again; if it keeps happening, restart the app.' },
      });
    } finally {
      ipc.broken.clear();
    }
    await expect(api.getSettings!()).resolves.toMatchObject({ ok: true });
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

  it('refuses a subscription without a listener function, in words that name the call', () => {
    expect(() => api.onShortcut!('not a function')).toThrow(new TypeError('camParty.onShortcut needs a listener function, not string.'));
  });
});
