/**
 * Keeps the app up to date with electron-updater, safely: it looks for a
 * new version at start and every six hours (unless the person turned that
 * off), downloads it in the background (electron-updater checks the file's
 * sha512 against the update metadata, latest*.yml, and refuses a mismatch), then asks
 * the person, never during a call, whether to install it when they next
 * quit. Older versions are refused. Nothing here restarts the app.
 */
import type { AppUpdater } from 'electron-updater';
import type { DiagnosticLogger } from '../diagnostic-log';
import type { Timers } from '../retention-sweeper';
import type { SettingsStore } from '../settings-store';
import { isCheckDue, SAFE_UPDATER_OPTIONS, shouldAskToInstall, UPDATE_SCHEDULE_TICK_MS } from './update-policy';

/** The part of electron-updater's AppUpdater used here (its `autoUpdater` in the app, a DebUpdater in the tests). */
export type UpdaterLike = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'allowPrerelease' | 'logger' | 'checkForUpdates' | 'downloadUpdate'
>;

export interface AutoUpdateParts {
  updater: UpdaterLike;
  settings: SettingsStore;
  /** Asks whether to install `version` when the person next quits; resolves true when they agree. */
  askToInstall(version: string): Promise<boolean>;
  now(): number;
  log: DiagnosticLogger;
  timers?: Timers;
}

export interface AutoUpdateStatus {
  /** Downloaded, its sha512 checked, waiting for the person. */
  readyVersion: string | null;
  /** The person agreed: electron-updater installs it when the app quits. */
  installOnQuitVersion: string | null;
}

const defaultTimers: Timers = {
  setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export class AutoUpdateService {
  private readonly timers: Timers;
  private lastCheckAt: number | null = null;
  private checking: Promise<void> | null = null;
  private callActive = false;
  private readyVersion: string | null = null;
  private askedVersion: string | null = null;
  private installOnQuitVersion: string | null = null;
  private interval: unknown = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly parts: AutoUpdateParts) {
    this.timers = parts.timers ?? defaultTimers;
    parts.updater.logger = parts.log;
  }

  /** Checks now (when the setting allows), then on schedule; resolves when the first check is done. */
  start(): Promise<void> {
    this.interval = this.timers.setInterval(() => void this.tick(), UPDATE_SCHEDULE_TICK_MS);
    this.unsubscribe = this.parts.settings.onChange((next, previous) => {
      if (next.checkForUpdatesAutomatically && !previous.checkForUpdatesAutomatically) void this.tick();
    });
    return this.tick();
  }

  stop(): void {
    if (this.interval !== null) this.timers.clearInterval(this.interval);
    this.interval = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /**
   * Runs a check when one is due; resolves when the running check (and any
   * question it led to) is done. Never rejects.
   */
  tick(): Promise<void> {
    const due = isCheckDue({
      enabled: this.parts.settings.read().checkForUpdatesAutomatically,
      callActive: this.callActive,
      checking: this.checking !== null,
      installPending: this.installOnQuitVersion !== null,
      lastCheckAt: this.lastCheckAt,
      now: this.parts.now(),
    });
    if (!due) return this.checking ?? Promise.resolve();
    this.checking = this.check().finally(() => (this.checking = null));
    return this.checking;
  }

  /**
   * The renderer says whether a call is on. When it ends, a waiting question
   * is asked and a check that fell due is run. Resolves when both are done.
   */
  async setCallActive(active: boolean): Promise<void> {
    this.callActive = active;
    if (active) return;
    await this.askIfIdle();
    await this.tick();
  }

  status(): AutoUpdateStatus {
    return { readyVersion: this.readyVersion, installOnQuitVersion: this.installOnQuitVersion };
  }

  private async check(): Promise<void> {
    this.lastCheckAt = this.parts.now();
    const { updater } = this.parts;
    try {
      // Before each check (none runs once the person agreed to install on quit).
      Object.assign(updater, SAFE_UPDATER_OPTIONS);
      const result = await updater.checkForUpdates();
      // null: not a packaged app (or an AppImage-less Linux build), where electron-updater does nothing.
      if (!result?.isUpdateAvailable) return;
      // Rejects when the file's sha512 is not the one the update metadata gives; nothing is kept then.
      await updater.downloadUpdate();
      this.readyVersion = result.updateInfo.version;
    } catch (error) {
      this.parts.log.warn('update check failed', error);
      return;
    }
    await this.askIfIdle();
  }

  private async askIfIdle(): Promise<void> {
    const version = this.readyVersion;
    if (version === null || !shouldAskToInstall({ readyVersion: version, askedVersion: this.askedVersion, callActive: this.callActive })) {
      return;
    }
    this.askedVersion = version;
    try {
      if (!(await this.parts.askToInstall(version))) return;
      const { updater } = this.parts;
      updater.autoInstallOnAppQuit = true;
      // Finds the checked file in electron-updater's cache (its sha512 checked again) and,
      // now that installing on quit is allowed, hands it to the install-on-quit step.
      await updater.downloadUpdate();
      this.installOnQuitVersion = version;
      this.parts.log.info(`update ${version} will be installed on quit`);
    } catch (error) {
      this.parts.updater.autoInstallOnAppQuit = false;
      this.parts.log.warn('update could not be readied for install', error);
    }
  }
}
