/**
 * The main process's services for tests, built by the app's own composition
 * root (src/main/create-main-services.ts) from test parts: keytar refused
 * (the keychain tests live in tests/main/credential-vault*.test.ts), the
 * AES-GCM safeStorage stand-in (the Electron binary is missing), `conf`
 * stores and logs in a temporary app-data folder. Opening again with the
 * same folder and key is an app restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import electronLog from 'electron-log/node';
import type { MainServices } from '../../src/main/bridge-handlers';
import { createMainServices, openMainVault, type MainComposition, type MainServiceParts } from '../../src/main/create-main-services';
import type { ElectronLogLike } from '../../src/main/diagnostic-log';
import { aesGcmSafeStorage, newSafeStorageKeyHex } from '../main/fixtures/aes-gcm-safe-storage';

export interface TestAppData {
  dir: string;
  /** The "OS-held" safeStorage key: the same for every restart on this "machine". */
  safeStorageKeyHex: string;
}

export function newTestAppData(): TestAppData {
  return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-app-data-')), safeStorageKeyHex: newSafeStorageKeyHex() };
}

/** One person's test parts; `overrides` swaps any of them (a locked keychain, a short server timeout…). */
export function testMainServiceParts(serverUrl: string, appData: TestAppData, overrides: Partial<MainServiceParts> = {}): MainServiceParts {
  return {
    loadKeychain: async () => {
      throw new Error('The OS keychain is not used by these tests (see tests/main/credential-vault*.test.ts).');
    },
    safeStorage: aesGcmSafeStorage({ keyHex: appData.safeStorageKeyHex }),
    openStore: (name) => new Conf<Record<string, unknown>>({ cwd: appData.dir, configName: name }),
    userDataDir: appData.dir,
    now: Date.now,
    log: diagnosticLogFor(appData),
    serverUrl,
    appInfo: { name: 'Cam-Party', version: '0.0.0-test', platform: 'linux' },
    ...overrides,
  };
}

/** The refresh token the person's vault holds now (for tests that look for it on disk). */
export async function storedRefreshToken(appData: TestAppData): Promise<string | null> {
  const vault = await openMainVault(testMainServiceParts('ws://127.0.0.1:9', appData));
  const accountId = vault.lastSignedInAccountId();
  return accountId ? vault.readRefreshToken(accountId) : null;
}

export type TestMainServices = MainServices & Pick<MainComposition, 'handlers' | 'dispose'>;

export async function openTestMainServices(
  serverUrl: string,
  appData: TestAppData = newTestAppData(),
  overrides: Partial<MainServiceParts> = {},
): Promise<TestMainServices> {
  const main = await createMainServices(testMainServiceParts(serverUrl, appData, overrides));
  return { ...main.services, handlers: main.handlers, dispose: main.dispose };
}

/** A separate electron-log (node flavour) per person, writing real files in their app data. */
function diagnosticLogFor(appData: TestAppData): ElectronLogLike {
  const log = electronLog.create({ logId: `test-${path.basename(appData.dir)}` }) as unknown as ElectronLogLike;
  log.transports.console.level = false;
  return log;
}
