/**
 * Crash reports stay on this computer: Electron's crash reporter writes its
 * dumps into the app's data folder and never uploads them. The retention
 * sweeper deletes them like chat logs, and Help → "Open crash reports
 * folder" shows them, so a person can choose to send one themselves.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ChatLogRetention } from '../shared/chat-log';
import { sweepFilesByAge } from './file-sweep';

export const CRASH_REPORTS_FOLDER = 'crash-reports';
/** What Crashpad names a dump on every system. */
const CRASH_DUMP_SUFFIX = '.dmp';

export const crashReportsDirectory = (userDataDir: string): string => path.join(userDataDir, CRASH_REPORTS_FOLDER);

/** The parts of Electron's `app` and `crashReporter` this module uses. */
export interface CrashReporterParts {
  app: { getPath(name: 'userData'): string; setPath(name: 'crashDumps', value: string): void };
  crashReporter: { start(options: { uploadToServer: boolean; compress?: boolean }): void };
}

/**
 * Starts the crash reporter with uploads off, writing into the app's data
 * folder. Must run before the app is ready (Electron reads crashDumps once,
 * when the reporter starts). Returns the folder.
 */
export function startLocalCrashReporter({ app, crashReporter }: CrashReporterParts): string {
  const directory = crashReportsDirectory(app.getPath('userData'));
  app.setPath('crashDumps', directory);
  crashReporter.start({ uploadToServer: false, compress: true });
  return directory;
}

/** Deletes crash dumps older than the retention (all of them when the person keeps nothing). */
export function sweepCrashReports(directory: string, retention: ChatLogRetention, now: number): Promise<number> {
  return sweepFilesByAge(directory, retention, now, { matches: (name) => name.endsWith(CRASH_DUMP_SUFFIX), recursive: true });
}

/**
 * Opens the crash reports folder in the system's file manager: this one
 * folder only (no path ever comes from a page), created first so there is
 * always something to open. Resolves to the error text, or '' on success,
 * as Electron's `shell.openPath` does; never rejects.
 */
export async function openCrashReportsFolder(directory: string, openPath: (folder: string) => Promise<string>): Promise<string> {
  try {
    await fs.mkdir(directory, { recursive: true });
    return await openPath(directory);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
