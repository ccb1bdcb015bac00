/**
 * Safe updates, end to end in Node: the app's AutoUpdateService driving
 * electron-updater's real updater (tests/main/fixtures/node-updater.ts)
 * against an update server on 127.0.0.1. A file whose sha512 is not the one
 * in latest-linux.yml is refused by electron-updater and never offered; a
 * genuine one is downloaded, offered outside calls only, and handed to
 * electron-updater's install-on-quit step only after the person agrees; an
 * older version is never downloaded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../src/main/app-protocol';
import { AutoUpdateService } from '../../src/main/auto-update/auto-update-service';
import { dispatchBridgeCall } from '../../src/main/bridge-dispatch';
import { SettingsStore } from '../../src/main/settings-store';
import { newTestAppData, openTestMainServices } from '../support/main-services';
import { createNodeUpdater, type NodeUpdater } from './fixtures/node-updater';
import { packageFileName, startUpdateFeed, type UpdateFeed } from './fixtures/update-feed';

const INSTALLED_VERSION = '0.1.0';
const release = (text: string) => Buffer.from(`${text}\n`.repeat(2000));

let feed: UpdateFeed;
let dataDir: string;
let node: NodeUpdater;
let asked: string[];
let agree: boolean;
let logged: string[];
let service: AutoUpdateService;

beforeEach(async () => {
  feed = await startUpdateFeed();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-update-'));
  node = createNodeUpdater({ feedUrl: feed.url, dataDir, version: INSTALLED_VERSION });
  asked = [];
  agree = true;
  logged = [];
  const text = (data: unknown[]) => data.map((item) => (item instanceof Error ? item.message : String(item))).join(' ');
  service = new AutoUpdateService({
    updater: node.updater,
    settings: new SettingsStore(new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings' })),
    askToInstall: async (version) => {
      asked.push(version);
      return agree;
    },
    now: () => 0,
    log: {
      info: (...data) => logged.push(text(data)),
      warn: (...data) => logged.push(text(data)),
      error: (...data) => logged.push(text(data)),
    },
    timers: { setInterval: () => 0, clearInterval: () => {} },
  });
});

afterEach(async () => {
  service.stop();
  await feed.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cachedPackages = () => (fs.existsSync(node.cacheDir) ? fs.readdirSync(node.cacheDir, { recursive: true }).map(String) : []);

describe('electron-updater under the auto-update service', () => {
  it('refuses a file whose sha512 does not match latest-linux.yml: nothing kept, nothing offered', async () => {
    feed.publish({ version: '0.2.0', bytes: release('genuine 0.2.0'), served: release('tampered 0.2.0') });
    const errors: Array<Error & { code?: string }> = [];
    node.updater.on('error', (error: Error) => errors.push(error));
    await service.start();

    expect(feed.requests).toContain(`/${packageFileName('0.2.0')}`);
    expect(errors.map((error) => error.code)).toEqual(['ERR_CHECKSUM_MISMATCH']);
    expect(errors[0]?.message).toMatch(/^sha512 checksum mismatch, expected /);
    expect(logged.join('\n')).toMatch(/update check failed sha512 checksum mismatch/);
    expect(asked).toEqual([]);
    expect(service.status()).toEqual({ readyVersion: null, installOnQuitVersion: null });
    expect(cachedPackages().filter((file) => file.endsWith('.deb'))).toEqual([]);
    expect(node.quitHandlers).toEqual([]);
    expect(node.updater.autoInstallOnAppQuit).toBe(false);
  });

  it('downloads a genuine update and asks; "Not now" leaves nothing to install on quit', async () => {
    const bytes = release('genuine 0.2.0');
    feed.publish({ version: '0.2.0', bytes });
    agree = false;
    await service.start();

    expect(asked).toEqual(['0.2.0']);
    expect(fs.readFileSync(path.join(node.cacheDir, 'pending', packageFileName('0.2.0')))).toEqual(bytes);
    // "Not now": electron-updater has nothing to run when the app quits.
    expect(node.quitHandlers).toEqual([]);
    expect(node.updater.autoInstallOnAppQuit).toBe(false);
    expect(service.status()).toEqual({ readyVersion: '0.2.0', installOnQuitVersion: null });
  });

  it('holds the question while a call is on, asks when it ends, then hands the update to install-on-quit', async () => {
    feed.publish({ version: '0.2.0', bytes: release('genuine 0.2.0') });
    const firstCheck = service.start();
    // The call starts while the update downloads.
    const callStarted = service.setCallActive(true);
    await Promise.all([firstCheck, callStarted]);
    expect(service.status().readyVersion).toBe('0.2.0');
    expect(asked).toEqual([]);

    await service.setCallActive(false);
    expect(asked).toEqual(['0.2.0']);
    expect(service.status()).toEqual({ readyVersion: '0.2.0', installOnQuitVersion: '0.2.0' });
    expect(node.updater.autoInstallOnAppQuit).toBe(true);
    expect(node.quitHandlers).toHaveLength(1);
  });

  it('never downloads or offers an older version', async () => {
    feed.publish({ version: '0.0.9', bytes: release('old 0.0.9') });
    await service.start();

    expect(node.updater.allowDowngrade).toBe(false);
    expect(feed.requests.some((request) => request.endsWith('.yml'))).toBe(true);
    expect(feed.requests.filter((request) => request.endsWith('.deb'))).toEqual([]);
    expect(asked).toEqual([]);
    expect(logged.join('\n')).toMatch(/downgrade is disallowed/);
  });
});

describe('in the app: the composition root and the bridge', () => {
  it('checks at start, and holds the question while the page says a call is on', async () => {
    feed.publish({ version: '0.2.0', bytes: release('genuine 0.2.0') });
    const appData = newTestAppData();
    const main = await openTestMainServices('ws://127.0.0.1:9', appData, {
      updates: { updater: node.updater, askToInstall: async (version) => (asked.push(version), true) },
    });
    try {
      const setCallActive = (active: boolean) =>
        dispatchBridgeCall(
          { method: 'setCallActive', input: { active }, senderUrl: APP_ENTRY_URL },
          { handlers: main.handlers, trustedOrigins: [APP_ORIGIN] },
        );
      expect(await setCallActive(true)).toEqual({ ok: true, value: { active: true } });
      // The check the app started at start, still running: wait for it.
      await main.updates!.tick();
      expect(main.updates!.status().readyVersion).toBe('0.2.0');
      expect(asked).toEqual([]);

      expect(await setCallActive(false)).toEqual({ ok: true, value: { active: false } });
      await vi.waitFor(() => expect(main.updates!.status().installOnQuitVersion).toBe('0.2.0'));
      expect(asked).toEqual(['0.2.0']);
    } finally {
      main.dispose();
      fs.rmSync(appData.dir, { recursive: true, force: true });
    }
  });
});
