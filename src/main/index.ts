/**
 * The Electron main process: wiring only. Every decision lives in a plain
 * module beside this file, tested in Node; here Electron's objects are
 * handed to them.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  net,
  protocol,
  safeStorage,
  session,
  shell,
  systemPreferences,
} from 'electron';
import Store from 'electron-store';
import electronLog from 'electron-log/main';
import electronUpdater from 'electron-updater';
import type { ShortcutAction } from '../shared/bridge-contract';
import { APP_ENTRY_URL, APP_HOST, APP_ORIGIN, APP_SCHEME, resolveAppFile } from './app-protocol';
import { buildApplicationMenu } from './application-menu';
import { askToInstallOnQuit } from './auto-update/install-prompt';
import { sendBridgeEvent } from './bridge-events';
import { contentSecurityPolicy } from './content-security-policy';
import { createMainServices } from './create-main-services';
import { openCrashReportsFolder, startLocalCrashReporter } from './crash-reports';
import { createMediaAccessService } from './media-access';
import { createDenialLogger, installPermissionPolicy } from './permission-policy';
import { registerBridge } from './register-bridge';
import { secureWebPreferences } from './secure-web-preferences';
import { resolveServerUrl } from './server-address';
import { createShortcutRegistry } from './shortcut-registry';
import { createShortcutService } from './shortcut-service';
import { guardWebContents } from './web-contents-guard';

const serverUrl = resolveServerUrl(process.argv, process.env);
const rendererRoot = path.join(__dirname, '../renderer');
const csp = contentSecurityPolicy(serverUrl);
let mainWindow: BrowserWindow | null = null;

// Crash dumps stay in the app's data folder and are never uploaded; started before ready, as Electron asks.
const crashReportsDir = startLocalCrashReporter({ app, crashReporter });

// Every renderer sandboxed, whatever a window's own preferences say.
app.enableSandbox();

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // Every web contents Electron ever creates, before any exists.
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, (refusal) => console.warn(`guard: refused ${refusal.event} (${refusal.scheme})`)),
  );
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('Cam-Party failed to start:', error);
      app.exit(1);
    });
}

async function onReady(): Promise<void> {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response(null, { status: 404 });
    const file = resolveAppFile(rendererRoot, url.pathname, csp);
    if (!file.ok) return new Response(null, { status: file.status });
    const response = await net.fetch(pathToFileURL(file.filePath).toString());
    return new Response(response.body, { status: response.status, headers: file.headers });
  });

  installPermissionPolicy(session.defaultSession, {
    appOrigin: APP_ORIGIN,
    onDenied: createDenialLogger((line) => console.warn(line)),
  });

  const dispatchShortcut = (action: ShortcutAction): void => {
    if (mainWindow && !mainWindow.isDestroyed()) void sendBridgeEvent(mainWindow.webContents, 'onShortcut', { action });
  };
  const shortcutRegistry = createShortcutRegistry(process.platform);
  const shortcuts = createShortcutService({ registry: shortcutRegistry, globalShortcuts: globalShortcut, dispatch: dispatchShortcut });
  const applyMenu = (): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildApplicationMenu({
          platform: process.platform,
          appName: app.getName(),
          shortcuts: shortcutRegistry.list(),
          dispatch: dispatchShortcut,
          developerTools: !app.isPackaged,
          openCrashReportsFolder: () => void openCrashReportsFolder(crashReportsDir, (folder) => shell.openPath(folder)),
        }),
      ),
    );
  applyMenu();
  shortcutRegistry.subscribe(applyMenu);

  const main = await createMainServices({
    loadKeychain: () => import('keytar'),
    safeStorage,
    openStore: (name) => new Store({ name }),
    userDataDir: app.getPath('userData'),
    now: Date.now,
    log: electronLog,
    serverUrl,
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      platform: ['darwin', 'win32', 'linux'].includes(process.platform) ? (process.platform as 'darwin' | 'win32' | 'linux') : 'other',
    },
    mediaAccess: createMediaAccessService({
      platform: process.platform,
      systemPreferences,
      openExternal: (url) => shell.openExternal(url),
    }),
    shortcuts,
    // electron-updater does nothing in a development build; the schedule is not started there.
    updates: app.isPackaged
      ? {
          updater: electronUpdater.autoUpdater,
          askToInstall: (version) => askToInstallOnQuit(dialog, mainWindow, app.getName(), version),
        }
      : undefined,
  });
  app.on('will-quit', () => main.dispose());
  registerBridge(ipcMain, { handlers: main.handlers, trustedOrigins: [APP_ORIGIN], log: main.services.diagnostics });

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 820,
    minHeight: 560,
    backgroundColor: '#0f1117',
    title: 'Cam-Party',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.cjs')),
  });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
