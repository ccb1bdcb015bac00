/**
 * The main process's services for tests, all real: the credential vault
 * (keytar left out unless asked for; safeStorage is the AES-GCM stand-in,
 * since the Electron binary is missing), the account session talking to the
 * real server, settings and chat logs in a temp app-data folder. Opening
 * again with the same folder and key is an app restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { AccountSession } from '../../src/main/account-session';
import { AccountsClient } from '../../src/main/accounts-client';
import type { MainServices } from '../../src/main/bridge-handlers';
import { ChatLogStore } from '../../src/main/chat-log-store';
import { startRetentionSweeper } from '../../src/main/retention-sweeper';
import { configureDiagnosticLog, sweepDiagnosticLogs, type ElectronLogLike } from '../../src/main/diagnostic-log';
import electronLog from 'electron-log/node';
import { openCredentialVault } from '../../src/main/credential-vault';
import { SafetyActions } from '../../src/main/safety-actions';
import { ServerApiClient } from '../../src/main/server-api-client';
import { SettingsStore } from '../../src/main/settings-store';
import { aesGcmSafeStorage, newSafeStorageKeyHex } from '../main/fixtures/aes-gcm-safe-storage';
import { vaultTestStore } from '../main/fixtures/vault-test-store';

export interface TestAppData {
  dir: string;
  /** The "OS-held" safeStorage key: the same for every restart on this "machine". */
  safeStorageKeyHex: string;
}

export function newTestAppData(): TestAppData {
  return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-app-data-')), safeStorageKeyHex: newSafeStorageKeyHex() };
}

function openTestVault(appData: TestAppData) {
  return openCredentialVault({
    loadKeychain: async () => {
      throw new Error('The OS keychain is not used by these tests (see tests/main/credential-vault*.test.ts).');
    },
    safeStorage: aesGcmSafeStorage({ keyHex: appData.safeStorageKeyHex }),
    store: vaultTestStore(appData.dir),
  });
}

/** The refresh token the person's vault holds now (for tests that look for it on disk). */
export async function storedRefreshToken(appData: TestAppData): Promise<string | null> {
  const vault = await openTestVault(appData);
  const accountId = vault.lastSignedInAccountId();
  return accountId ? vault.readRefreshToken(accountId) : null;
}

export async function openTestMainServices(serverUrl: string, appData: TestAppData = newTestAppData()): Promise<MainServices> {
  const vault = await openTestVault(appData);
  const settings = new SettingsStore(new Conf<Record<string, unknown>>({ cwd: appData.dir, configName: 'settings' }));
  const chatLogs = new ChatLogStore({
    directory: path.join(appData.dir, 'chat-logs'),
    getKey: async () => (await vault.chatLogDataKey()).key,
    now: Date.now,
    retention: () => settings.read().chatLogRetention,
  });
  // As in main: swept at start-up, hourly, and when the retention setting changes.
  startRetentionSweeper(
    [() => chatLogs.sweep(), (retention) => sweepDiagnosticLogs(path.join(appData.dir, 'logs'), retention, Date.now())],
    settings,
    (error) => console.warn('retention sweep failed:', error),
  );
  const serverApi = ServerApiClient.fromSocketUrl(serverUrl);
  const account = new AccountSession(new AccountsClient(serverApi), vault);
  await account.restore();
  return {
    appInfo: { name: 'Cam-Party', version: '0.0.0-test', platform: 'linux' },
    serverUrl,
    account,
    settings,
    chatLogs,
    safety: new SafetyActions(serverApi, account),
    diagnostics: configureDiagnosticLog(diagnosticLogFor(appData), path.join(appData.dir, 'logs'), () => settings.read().chatLogRetention),
  };
}

/** A separate electron-log (node flavour) per person, writing real files in their app data. */
function diagnosticLogFor(appData: TestAppData): ElectronLogLike {
  const log = electronLog.create({ logId: `test-${path.basename(appData.dir)}` }) as unknown as ElectronLogLike;
  log.transports.console.level = false;
  return log;
}
