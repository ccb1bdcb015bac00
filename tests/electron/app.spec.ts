/**
 * The real app in real Electron (Playwright's `_electron`): the built main
 * process, preload and renderer, against a real signaling server on
 * 127.0.0.1. Where the Electron binary is not installed (it is downloaded
 * from the network, which this machine does not have) every test here is
 * reported as skipped, with the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import { BRIDGE_EVENT_NAMES, BRIDGE_METHOD_NAMES } from '../../src/shared/bridge-contract';
import { findElectronBinary } from './electron-binary';

const root = path.resolve(import.meta.dirname, '../..');
const electron = findElectronBinary();
if (!electron.available) console.log(`Electron suite SKIPPED: ${electron.reason}`);

const test = base.extend<{ server: TestServer; app: ElectronApplication; page: Page }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startTestServer();
    await use(server);
    await server.close();
  },
  app: async ({ server }, use) => {
    if (!electron.available) throw new Error(electron.reason);
    if (!fs.existsSync(path.join(root, 'out/main/index.js'))) throw new Error('The app is not built: run "npm run build" first.');
    const app = await _electron.launch({
      executablePath: electron.path,
      args: [
        root,
        `--server=${server.url}`,
        '--use-fake-device-for-media-stream',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      env: { ...process.env, NODE_ENV: 'test' },
    });
    await use(app);
    await app.close();
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});

test.describe('the desktop app in Electron', () => {
  test.skip(!electron.available, electron.available ? '' : electron.reason);

  test('loads from app:// with no Node in the page and the CSP in force', async ({ page }) => {
    expect(page.url()).toBe('app://cam-party/index.html');
    const inPage = await page.evaluate(async () => {
      // An injected inline script is exactly what the CSP (script-src 'self') must stop.
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      const scope = globalThis as Record<string, unknown>;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        inlineRan: scope.__inlineRan === true,
        violated: await violation,
      };
    });
    expect(inPage).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      inlineRan: false,
      violated: 'script-src-elem',
    });
  });

  test('the bridge has exactly the contract and answers bad input with a refusal, not a throw', async ({ page }) => {
    const bridge = await page.evaluate(async () => {
      const api = (window as unknown as { camParty: Record<string, (input?: unknown) => Promise<unknown>> }).camParty;
      const badInput = await api.openMediaAccessSettings!({ kind: 'location' });
      return { names: Object.keys(api).sort(), frozen: Object.isFrozen(api), badInput };
    });
    expect(bridge.names).toEqual([...BRIDGE_METHOD_NAMES, ...BRIDGE_EVENT_NAMES].sort());
    expect(bridge.frozen).toBe(true);
    expect(bridge.badInput).toMatchObject({ ok: false, error: { code: 'bridge-refused' } });
  });

  test('geolocation, notifications, MIDI and clipboard are refused while the camera and microphone work', async ({ page }) => {
    const result = await page.evaluate(async () => {
      const geolocation = await new Promise<string>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          () => resolve('granted'),
          (error) => resolve(error.code === error.PERMISSION_DENIED ? 'denied' : `error ${error.code}`),
          { timeout: 5000 },
        ),
      );
      const notifications = await Notification.requestPermission();
      const notificationsState = (await navigator.permissions.query({ name: 'notifications' })).state;
      const geolocationState = (await navigator.permissions.query({ name: 'geolocation' })).state;
      const midi = await navigator.requestMIDIAccess().then(
        () => 'granted',
        () => 'denied',
      );
      const clipboard = await navigator.clipboard.readText().then(
        () => 'granted',
        () => 'denied',
      );
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      const kinds = stream
        .getTracks()
        .map((track) => track.kind)
        .sort();
      stream.getTracks().forEach((track) => track.stop());
      return { geolocation, notifications, notificationsState, geolocationState, midi, clipboard, kinds };
    });
    expect(result).toEqual({
      geolocation: 'denied',
      notifications: 'denied',
      notificationsState: 'denied',
      geolocationState: 'denied',
      midi: 'denied',
      clipboard: 'denied',
      kinds: ['audio', 'video'],
    });
  });

  test('the page cannot navigate away or open windows', async ({ app, page }) => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    // The attempt reaching main (will-navigate, after the app's own handler) is the event that
    // proves a navigation would have happened by now.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      Object.assign(globalThis, { navigationAttempted: new Promise<void>((resolve) => contents.once('will-navigate', () => resolve())) });
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await app.evaluate(() => (globalThis as unknown as { navigationAttempted: Promise<void> }).navigationAttempted);
    expect(page.url()).toBe('app://cam-party/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  test('a menu shortcut reaches the page as a named action, and nothing is registered system-wide', async ({ app, page }) => {
    await page.evaluate(() => {
      const received: unknown[] = [];
      Object.defineProperty(window, '__shortcuts', { value: received });
      (window as unknown as { camParty: { onShortcut(listener: (payload: unknown) => void): () => void } }).camParty.onShortcut((payload) =>
        received.push(payload),
      );
    });
    const systemWide = await app.evaluate(({ globalShortcut, Menu }) => {
      Menu.getApplicationMenu()?.getMenuItemById('call.toggle-microphone')?.click();
      return globalShortcut.isRegistered('CommandOrControl+Shift+M');
    });
    expect(systemWide).toBe(false);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shortcuts: unknown[] }).__shortcuts))
      .toEqual([{ action: 'call.toggle-microphone' }]);
  });
});
