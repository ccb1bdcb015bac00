/**
 * The main process's composition root: every service the bridge answers
 * with, built from its parts. The app passes Electron's parts (keytar,
 * safeStorage, electron-store, userData); the tests pass stand-ins for the
 * ones the missing Electron binary would give (conf, an AES-GCM safeStorage,
 * a temporary folder). No other place builds these services.
 */
import path from 'node:path';
import type { AppInfo } from '../shared/bridge-contract';
import { AccountSession } from './account-session';
import { AccountsClient } from './accounts-client';
import { AutoUpdateService, type UpdaterLike } from './auto-update/auto-update-service';
import type { BridgeHandlers } from './bridge-dispatch';
import { createBridgeHandlers, type MainServices } from './bridge-handlers';
import { ChatLogStore } from './chat-log-store';
import { crashReportsDirectory, sweepCrashReports } from './crash-reports';
import { openCredentialVault, type CredentialVault } from './credential-vault';
import type { KeyValueStore } from './credential-vault-store';
import { configureDiagnosticLog, sweepDiagnosticLogs, type ElectronLogLike } from './diagnostic-log';
import type { MediaAccessService } from './media-access';
import type { KeychainLoader } from './os-keychain';
import { startRetentionSweeper } from './retention-sweeper';
import { SafetyActions } from './safety-actions';
import type { SafeStorageApi } from './safe-storage-cipher';
import { ServerApiClient } from './server-api-client';
import { SettingsStore } from './settings-store';
import type { ShortcutService } from './shortcut-service';

export interface MainServiceParts {
  /** Loads keytar: `() => import('keytar')` in the app; may throw (the vault then falls back). */
  loadKeychain: KeychainLoader;
  /** Electron's safeStorage, or null where there is none. */
  safeStorage: SafeStorageApi | null;
  /** A named JSON store in the app's data folder (electron-store in the app). */
  openStore(name: string): KeyValueStore;
  /** The app's data folder (Electron's userData): chat logs and diagnostic logs live below it. */
  userDataDir: string;
  now(): number;
  /** electron-log (the main flavour in the app), configured here as the diagnostic log. */
  log: ElectronLogLike;
  /** The matchmaking server's socket URL; its HTTP APIs live at the same address. */
  serverUrl: string;
  appInfo: AppInfo;
  mediaAccess?: MediaAccessService;
  shortcuts?: ShortcutService;
  /** Time limit of one server request (see server-api-client.ts for the default). */
  serverRequestTimeoutMs?: number;
  /** electron-updater and the question to the person (auto-update/); without it, nothing is updated. */
  updates?: { updater: UpdaterLike; askToInstall(version: string): Promise<boolean> };
}

export interface MainComposition {
  services: MainServices;
  /** What each bridge method calls (see register-bridge.ts). */
  handlers: BridgeHandlers;
  /** Stops the retention sweeper and the update schedule, and unregisters system-wide shortcuts. */
  dispose(): void;
}

export const CREDENTIAL_VAULT_STORE = 'credential-vault';
export const SETTINGS_STORE = 'settings';

/** The credential vault on its parts; also how tests look into what a person's vault holds. */
export function openMainVault(parts: Pick<MainServiceParts, 'loadKeychain' | 'safeStorage' | 'openStore'>): Promise<CredentialVault> {
  return openCredentialVault({
    loadKeychain: parts.loadKeychain,
    safeStorage: parts.safeStorage,
    store: parts.openStore(CREDENTIAL_VAULT_STORE),
  });
}

export async function createMainServices(parts: MainServiceParts): Promise<MainComposition> {
  // Secrets: the OS keychain first; keytar failing to load is a fallback, not a crash.
  const vault = await openMainVault(parts);
  const settings = new SettingsStore(parts.openStore(SETTINGS_STORE));
  const retention = () => settings.read().chatLogRetention;
  const logDirectory = path.join(parts.userDataDir, 'logs');
  // Not electron-log's initialize(): it would add a preload of its own; renderer events come through the bridge.
  const diagnostics = configureDiagnosticLog(parts.log, logDirectory, retention);
  const chatLogs = new ChatLogStore({
    directory: path.join(parts.userDataDir, 'chat-logs'),
    getKey: async () => (await vault.chatLogDataKey()).key,
    now: parts.now,
    retention,
  });
  // Swept at start-up, hourly, and when the retention setting changes.
  const sweeper = startRetentionSweeper(
    [
      () => chatLogs.sweep(),
      (kept) => sweepDiagnosticLogs(logDirectory, kept, parts.now()),
      (kept) => sweepCrashReports(crashReportsDirectory(parts.userDataDir), kept, parts.now()),
    ],
    settings,
    (error) => diagnostics.warn('retention sweep failed', error),
  );
  const serverApi = ServerApiClient.fromSocketUrl(parts.serverUrl, { timeoutMs: parts.serverRequestTimeoutMs });
  const account = new AccountSession(new AccountsClient(serverApi), vault, parts.now);
  await account.restore().catch((error: unknown) => diagnostics.warn('could not restore the session', error));
  const updates = parts.updates && new AutoUpdateService({ ...parts.updates, settings, now: parts.now, log: diagnostics });
  // Not awaited: the first check runs in the background while the window opens.
  void updates?.start();

  const services: MainServices = {
    appInfo: parts.appInfo,
    serverUrl: parts.serverUrl,
    mediaAccess: parts.mediaAccess,
    shortcuts: parts.shortcuts,
    account,
    settings,
    chatLogs,
    diagnostics,
    safety: new SafetyActions(serverApi, account),
    updates,
  };
  return {
    services,
    handlers: createBridgeHandlers(services),
    dispose: () => {
      sweeper.stop();
      updates?.stop();
      parts.shortcuts?.dispose();
    },
  };
}
