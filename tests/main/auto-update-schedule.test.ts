/**
 * When the app looks for updates: at start, then every six hours by an
 * injected clock, never while a call is on, never when the person turned
 * automatic checks off (turning them on again checks at once). Each check
 * is counted where it lands: on the update server on 127.0.0.1, asked by
 * electron-updater's real updater.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AutoUpdateService } from '../../src/main/auto-update/auto-update-service';
import { isCheckDue, UPDATE_CHECK_INTERVAL_MS, UPDATE_SCHEDULE_TICK_MS } from '../../src/main/auto-update/update-policy';
import { SettingsStore } from '../../src/main/settings-store';
import { createNodeUpdater } from './fixtures/node-updater';
import { startUpdateFeed, type UpdateFeed } from './fixtures/update-feed';

const HOUR = 60 * 60 * 1000;

let feed: UpdateFeed;
let dataDir: string;
let settings: SettingsStore;
let clock: number;
let scheduled: { callback: () => void; ms: number } | null;
let service: AutoUpdateService;

beforeEach(async () => {
  feed = await startUpdateFeed();
  // The same version as installed: every check finds nothing to download.
  feed.publish({ version: '0.1.0', bytes: Buffer.from('current') });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-update-schedule-'));
  settings = new SettingsStore(new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings' }));
  clock = 1_000_000;
  scheduled = null;
  const { updater } = createNodeUpdater({ feedUrl: feed.url, dataDir, version: '0.1.0' });
  const quiet = () => {};
  service = new AutoUpdateService({
    updater,
    settings,
    askToInstall: async () => false,
    now: () => clock,
    log: { info: quiet, warn: quiet, error: quiet },
    timers: {
      setInterval: (callback, ms) => (scheduled = { callback, ms }),
      clearInterval: () => (scheduled = null),
    },
  });
});

afterEach(async () => {
  service.stop();
  await feed.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const checks = () => feed.requests.filter((request) => request.endsWith('.yml')).length;
/** One beat of the schedule, at the clock's time. */
const beat = () => {
  expect(scheduled?.ms).toBe(UPDATE_SCHEDULE_TICK_MS);
  return service.tick();
};

describe('the update schedule', () => {
  it('checks at start, then again once six hours have passed', async () => {
    await service.start();
    expect(checks()).toBe(1);

    clock += UPDATE_CHECK_INTERVAL_MS - 1;
    await beat();
    expect(checks()).toBe(1);

    clock += 1;
    await beat();
    expect(checks()).toBe(2);
  });

  it('does not check while the setting is off, and checks at once when it is turned on', async () => {
    settings.update({ checkForUpdatesAutomatically: false });
    await service.start();
    clock += 7 * HOUR;
    await beat();
    expect(checks()).toBe(0);

    settings.update({ checkForUpdatesAutomatically: true });
    // The switch started a check of its own; a beat now waits for it rather than starting another.
    await beat();
    expect(checks()).toBe(1);
  });

  it('waits for a call to end before a check that fell due', async () => {
    await service.start();
    await service.setCallActive(true);
    clock += 7 * HOUR;
    await beat();
    expect(checks()).toBe(1);

    await service.setCallActive(false);
    expect(checks()).toBe(2);
  });

  it('stops its schedule', async () => {
    await service.start();
    service.stop();
    expect(scheduled).toBeNull();
  });
});

describe('isCheckDue', () => {
  const base = { enabled: true, callActive: false, checking: false, installPending: false, lastCheckAt: 0, now: UPDATE_CHECK_INTERVAL_MS };

  it('is due at start and once the interval has passed', () => {
    expect(isCheckDue({ ...base, lastCheckAt: null, now: 0 })).toBe(true);
    expect(isCheckDue(base)).toBe(true);
    expect(isCheckDue({ ...base, now: UPDATE_CHECK_INTERVAL_MS - 1 })).toBe(false);
  });

  it('counts a clock set back as due', () => {
    expect(isCheckDue({ ...base, lastCheckAt: 10 * HOUR, now: HOUR })).toBe(true);
  });

  it('is never due when off, during a call, while checking, or once an install on quit is agreed', () => {
    for (const blocker of [{ enabled: false }, { callActive: true }, { checking: true }, { installPending: true }]) {
      expect(isCheckDue({ ...base, ...blocker }), JSON.stringify(blocker)).toBe(false);
    }
  });
});
