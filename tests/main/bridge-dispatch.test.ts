/**
 * The typed bridge, main side: the contract and the channel names agree,
 * every call is checked for its sender, its method and its input, results
 * are checked against the contract, and events are checked before sending.
 * Every outcome is a reply with a code and a sentence for people, never a
 * throw. The handler table is the real one, built by the composition root.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BRIDGE_EVENT_NAMES,
  BRIDGE_METHOD_NAMES,
  bridgeContract,
  bridgeEventChannel,
  bridgeEvents,
  type BridgeMethod,
} from '../../src/shared/bridge-contract';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../src/main/app-protocol';
import { APP_ERROR_MESSAGE, dispatchBridgeCall, type BridgeHandlers, type DispatchOptions } from '../../src/main/bridge-dispatch';
import { sendBridgeEvent } from '../../src/main/bridge-events';
import { openTestMainServices, type TestMainServices } from '../support/main-services';
import { createMediaAccessService } from '../../src/main/media-access';

let services: TestMainServices;
beforeAll(async () => {
  // Real services; no server is contacted by any call this file makes.
  services = await openTestMainServices('wss://match.example', undefined, {
    appInfo: { name: 'Cam-Party', version: '1.2.3', platform: 'darwin' },
    mediaAccess: createMediaAccessService({
      platform: 'darwin',
      systemPreferences: { getMediaAccessStatus: (kind) => (kind === 'camera' ? 'denied' : 'granted') },
      openExternal: async () => {},
    }),
  });
});
afterAll(() => services.dispose());

const call = (method: string, input: unknown, senderUrl = APP_ENTRY_URL, table = services.handlers, extra: Partial<DispatchOptions> = {}) =>
  dispatchBridgeCall({ method, input, senderUrl }, { handlers: table, trustedOrigins: [APP_ORIGIN], ...extra });

const refused = (message: string | RegExp) => ({
  ok: false,
  error: expect.objectContaining({
    code: 'bridge-refused',
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  }),
});

/** One input per method that the contract must refuse. */
const BAD_INPUTS: Record<BridgeMethod, unknown[]> = {
  getAppInfo: [{ evil: true }, 'x', 0, null],
  getServerConfig: [{ url: 'ws://evil' }, []],
  getMediaAccess: [{}, true],
  requestMediaAccess: [{ kind: 'camera' }],
  openMediaAccessSettings: [undefined, {}, { kind: 'location' }, { kind: 'camera', url: 'https://evil.example' }, { kind: ['camera'] }],
  getShortcuts: [{ all: true }],
  setShortcut: [
    undefined,
    { action: 'call.skip' },
    { action: 'call.explode', accelerator: 'Ctrl+K' },
    { action: 'call.skip', accelerator: '' },
    { action: 'call.skip', accelerator: 'x'.repeat(65) },
  ],
  setSystemWideShortcuts: [undefined, { enabled: 'yes' }, { enabled: true, extra: 1 }],
  getAccountState: [{ token: 'x' }],
  signUp: [
    undefined,
    { email: 'not-an-email', username: 'ok-name', password: 'long enough pw' },
    { email: 'a@b.org', username: 'x', password: 'long enough pw' },
    { email: 'a@b.org', username: 'ok-name', password: 'short' },
  ],
  signIn: [
    undefined,
    { email: 'a@b.org' },
    { email: 'a@b.org', password: 'pw', secondFactor: { kind: 'totp', code: 'abc' } },
    { email: 'a@b.org', password: 'pw', refreshToken: 'x' },
  ],
  signOut: [{ everywhere: 'yes' }],
  startTwoFactor: [{ secret: 'ABC' }],
  confirmTwoFactor: [undefined, { code: '12' }, { code: 123456 }],
  deleteAccount: [undefined, { password: '' }, { password: 'pw', extra: true }],
  getSocketAccess: [undefined, { accountId: 'someone-else' }, { fresh: 'yes' }],
  getSettings: [{ all: true }],
  updateSettings: [undefined, { chatLogRetention: 'forever' }, { outgoingPrivacyGuard: 'no' }, { unknownSetting: 1 }],
  appendChatLog: [
    undefined,
    { conversationId: '../x', partnerId: 'p', message: { from: 'me', text: 'hi', at: 1, flags: [] } },
    { conversationId: 'conversation-1', partnerId: 'p', message: { from: 'me', text: '', at: 1, flags: [] } },
  ],
  listChatLogs: [{ all: true }],
  readChatLog: [undefined, { conversationId: '..' }],
  deleteChatLog: [undefined, { conversationId: 'a/b' }],
  deleteAllChatLogs: [{ confirm: 'yes' }],
  fileReport: [
    undefined,
    { reportId: 'not-a-uuid', pairId: 'p1', callStartedAt: 1, chatExcerpt: [] },
    {
      reportId: '7d3f1c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f',
      pairId: 'p1',
      callStartedAt: 1,
      chatExcerpt: [],
      frame: 'data:image/png;base64,AAAA',
    },
  ],
  addReportDetails: [
    undefined,
    { reportId: '7d3f1c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f', reason: 'bored', details: '' },
    { reason: 'other', details: '' },
  ],
  blockPartner: [undefined, { pairId: '' }, { accountId: 'x' }],
  listBlocks: [{ all: true }],
  unblockAccount: [undefined, { accountId: '../x' }],
  logEvent: [
    undefined,
    { level: 'debug', event: 'x' },
    { level: 'info', event: '' },
    { level: 'info', event: 'x', detail: 'y'.repeat(501) },
  ],
  setCallActive: [undefined, { active: 'yes' }, { active: true, pairId: 'p1' }],
};

describe('the contract', () => {
  it('defines exactly the method names the preload exposes, and the event names', () => {
    expect(Object.keys(bridgeContract).sort()).toEqual([...BRIDGE_METHOD_NAMES].sort());
    expect(Object.keys(bridgeEvents).sort()).toEqual([...BRIDGE_EVENT_NAMES].sort());
    expect(Object.keys(services.handlers).sort()).toEqual([...BRIDGE_METHOD_NAMES].sort());
  });

  it('keeps method and event names apart, and each event name reads as a subscribe function', () => {
    for (const event of BRIDGE_EVENT_NAMES) {
      expect(BRIDGE_METHOD_NAMES as readonly string[]).not.toContain(event);
      expect(event).toMatch(/^on[A-Z]/);
    }
  });
});

describe('dispatchBridgeCall', () => {
  it.each(Object.entries(BAD_INPUTS).flatMap(([method, inputs]) => inputs.map((input) => [method, input] as const)))(
    '%s refuses the input %j with a clear error',
    async (method, input) => {
      const rejected: string[] = [];
      const reply = await call(method, input, APP_ENTRY_URL, services.handlers, {
        onRejected: (name, reason) => rejected.push(`${name}: ${reason}`),
      });
      expect(reply).toEqual(refused(/^Cam-Party refused this request: .+\.$/));
      expect(!reply.ok && reply.error.issues?.length).toBeGreaterThan(0);
      expect(rejected).toEqual([expect.stringMatching(new RegExp(`^${method}: bad input \\(.+\\)$`))]);
    },
  );

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'ipcRenderer', 'eval', 'onShortcut', ''])(
    'refuses the method %j, which is not in the contract',
    async (method) => {
      const reply = await call(method, undefined);
      expect(reply).toEqual(refused('Cam-Party refused this request: the app has no such action.'));
    },
  );

  it.each([
    'https://evil.example/index.html',
    'app://evil/index.html',
    'http://127.0.0.1:5173/index.html',
    'file:///tmp/index.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses every call from the frame at %j', async (senderUrl) => {
    for (const method of BRIDGE_METHOD_NAMES) {
      const reply = await call(method, undefined, senderUrl);
      expect(reply).toEqual(refused("Cam-Party refused this request: it did not come from the app's own page."));
    }
  });

  it('answers good calls from the app through the real services', async () => {
    expect(await call('getAppInfo', undefined)).toEqual({ ok: true, value: { name: 'Cam-Party', version: '1.2.3', platform: 'darwin' } });
    expect(await call('getServerConfig', undefined)).toEqual({ ok: true, value: { url: 'wss://match.example' } });
    expect(await call('getMediaAccess', undefined)).toEqual({
      ok: true,
      value: { camera: { status: 'denied', settingsAvailable: true }, microphone: { status: 'granted', settingsAvailable: true } },
    });
    expect(await call('openMediaAccessSettings', { kind: 'camera' })).toEqual({ ok: true, value: { opened: true } });
    const rebound = await call('setShortcut', { action: 'call.skip', accelerator: 'Alt+N' });
    expect(rebound.ok && (rebound.value as { shortcuts: { action: string; accelerator: string }[] }).shortcuts).toContainEqual(
      expect.objectContaining({ action: 'call.skip', accelerator: 'Alt+N' }),
    );
  });

  it("passes a refusal written for people on as it is, with the service's code", async () => {
    const conflict = await call('setShortcut', { action: 'call.skip', accelerator: 'CmdOrCtrl+Shift+M' });
    expect(conflict).toEqual({
      ok: false,
      error: { code: 'shortcut-refused', message: expect.stringMatching(/already the shortcut for "call.toggle-microphone"/) },
    });
    const noGlobal = await call('setSystemWideShortcuts', { enabled: true });
    expect(noGlobal).toEqual({ ok: false, error: { code: 'shortcut-refused', message: 'System-wide shortcuts are not available here.' } });
  });

  it('turns a handler that fails into an app-error for people, and the detail into the log only', async () => {
    const failed: unknown[] = [];
    const broken: BridgeHandlers = {
      ...services.handlers,
      listChatLogs: () => {
        throw new Error('EACCES: permission denied, scandir /home/someone/.config/chat-logs');
      },
    };
    const reply = await call('listChatLogs', undefined, APP_ENTRY_URL, broken, {
      onFailed: (method, detail) => failed.push([method, detail]),
    });
    expect(reply).toEqual({ ok: false, error: { code: 'app-error', message: APP_ERROR_MESSAGE } });
    expect(failed).toEqual([['listChatLogs', expect.objectContaining({ message: expect.stringMatching(/^EACCES/) })]]);
  });

  it('refuses a result that does not match the contract', async () => {
    const failed: unknown[] = [];
    const broken = { ...services.handlers, getServerConfig: () => ({ url: 'http://not-a-socket' }) };
    const reply = await call('getServerConfig', undefined, APP_ENTRY_URL, broken, { onFailed: (method) => failed.push(method) });
    expect(reply).toEqual({ ok: false, error: { code: 'app-error', message: APP_ERROR_MESSAGE } });
    expect(failed).toEqual(['getServerConfig']);
  });

  it("answers an action with its own result, flattened: the server's code passes through", async () => {
    const refusal = { code: 'invalid-credentials', message: 'That email and password do not match.' };
    const table: BridgeHandlers = {
      ...services.handlers,
      signIn: () => ({ ok: false, error: refusal }),
      getSocketAccess: () => ({ ok: true, value: { url: 'wss://match.example', accessToken: `v1.account.${'a'.repeat(43)}` } }),
    };
    expect(await call('signIn', { email: 'a@b.org', password: 'pw' }, APP_ENTRY_URL, table)).toEqual({ ok: false, error: refusal });
    expect(await call('getSocketAccess', { fresh: false }, APP_ENTRY_URL, table)).toEqual({
      ok: true,
      value: { url: 'wss://match.example', accessToken: `v1.account.${'a'.repeat(43)}` },
    });
    // And an action whose result breaks the contract is an app-error, not a half-checked value.
    const broken: BridgeHandlers = { ...table, signIn: () => ({ ok: false, error: { code: '', message: 'x' } }) };
    expect(await call('signIn', { email: 'a@b.org', password: 'pw' }, APP_ENTRY_URL, broken)).toEqual({
      ok: false,
      error: { code: 'app-error', message: APP_ERROR_MESSAGE },
    });
  });
});

describe('sendBridgeEvent', () => {
  it('sends a checked payload on the event channel', async () => {
    const sent: [string, unknown][] = [];
    await sendBridgeEvent({ send: (channel, payload) => void sent.push([channel, payload]) }, 'onShortcut', { action: 'safety.report' });
    expect(sent).toEqual([[bridgeEventChannel('onShortcut'), { action: 'safety.report' }]]);
  });

  it('refuses a payload outside the contract and sends nothing', () => {
    const sent: unknown[] = [];
    const target = { send: (channel: string) => void sent.push(channel) };
    expect(() => sendBridgeEvent(target, 'onShortcut', { action: 'call.explode' } as never)).toThrow(/bad payload/);
    expect(() => sendBridgeEvent(target, 'onShortcut', { action: 'call.skip', extra: 1 } as never)).toThrow(/bad payload/);
    expect(sent).toEqual([]);
  });
});
