/**
 * Crash reports stay on this computer: the reporter is started with
 * uploads off and its dumps in the app's data folder; the dumps are swept
 * by age with the chat logs (by the app's own composition root); Help opens
 * that one folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETENTION_MS } from '../../src/shared/chat-log';
import {
  crashReportsDirectory,
  openCrashReportsFolder,
  startLocalCrashReporter,
  sweepCrashReports,
  type CrashReporterParts,
} from '../../src/main/crash-reports';
import { openTestMainServices, newTestAppData } from '../support/main-services';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-crash-reports-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a file `ageMs` old by its modification time. */
function writeAged(relative: string, ageMs: number, now: number): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x');
  const time = new Date(now - ageMs);
  fs.utimesSync(file, time, time);
  return file;
}

const remaining = () =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((entry) => fs.statSync(path.join(dir, entry)).isFile())
    .sort();

describe('startLocalCrashReporter', () => {
  it('points the dumps at the app data folder, then starts the reporter with uploads off', () => {
    const calls: string[] = [];
    const parts: CrashReporterParts = {
      app: {
        getPath: () => '/home/person/.config/Cam-Party Desktop',
        setPath: (name, value) => calls.push(`setPath ${name} ${value}`),
      },
      crashReporter: { start: (options) => calls.push(`start ${JSON.stringify(options)}`) },
    };
    expect(startLocalCrashReporter(parts)).toBe(path.join('/home/person/.config/Cam-Party Desktop', 'crash-reports'));
    expect(calls).toEqual([
      `setPath crashDumps ${path.join('/home/person/.config/Cam-Party Desktop', 'crash-reports')}`,
      'start {"uploadToServer":false,"compress":true}',
    ]);
  });
});

describe('sweepCrashReports', () => {
  it("deletes dumps older than the retention, in the reporter's subfolders too, and leaves its own files alone", async () => {
    const now = Date.now();
    writeAged('completed/old.dmp', 8 * DAY, now);
    writeAged('pending/recent.dmp', 2 * DAY, now);
    writeAged('reports/old-windows.dmp', 31 * DAY, now);
    writeAged('settings.dat', 90 * DAY, now);

    expect(await sweepCrashReports(dir, '7d', now)).toBe(2);
    expect(remaining()).toEqual([path.join('pending', 'recent.dmp'), 'settings.dat']);
  });

  it('keeps a dump younger than the limit, and deletes every dump when nothing is kept', async () => {
    const now = Date.now();
    writeAged('completed/a.dmp', RETENTION_MS['30d'] - DAY, now);
    expect(await sweepCrashReports(dir, '30d', now)).toBe(0);
    expect(await sweepCrashReports(dir, 'off', now)).toBe(1);
    expect(remaining()).toEqual([]);
  });

  it('has nothing to do when no crash ever happened', async () => {
    expect(await sweepCrashReports(path.join(dir, 'missing'), '24h', Date.now())).toBe(0);
  });

  it("is run by the app's retention sweeper at start", async () => {
    const appData = newTestAppData();
    const old = path.join(crashReportsDirectory(appData.dir), 'completed', 'old.dmp');
    fs.mkdirSync(path.dirname(old), { recursive: true });
    fs.writeFileSync(old, 'x');
    const longAgo = new Date(Date.now() - 60 * DAY);
    fs.utimesSync(old, longAgo, longAgo);

    const services = await openTestMainServices('ws://127.0.0.1:9', appData);
    try {
      await vi.waitFor(() => expect(fs.existsSync(old)).toBe(false));
    } finally {
      services.dispose();
      fs.rmSync(appData.dir, { recursive: true, force: true });
    }
  });
});

describe('openCrashReportsFolder', () => {
  it('creates the folder and opens that folder only', async () => {
    const folder = path.join(dir, 'crash-reports');
    const opened: string[] = [];
    const result = await openCrashReportsFolder(folder, async (target) => {
      opened.push(target);
      return '';
    });
    expect(result).toBe('');
    expect(opened).toEqual([folder]);
    expect(fs.statSync(folder).isDirectory()).toBe(true);
  });

  it("answers with the system's error rather than throwing", async () => {
    const blocked = path.join(dir, 'a-file');
    fs.writeFileSync(blocked, 'x');
    const result = await openCrashReportsFolder(path.join(blocked, 'crash-reports'), async () => '');
    expect(result).toMatch(/EEXIST|ENOTDIR/);
  });
});
