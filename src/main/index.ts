/**
 * The Electron main process: wiring only. Every decision lives in a plain
 * module beside this file, tested in Node; here Electron's objects are
 * handed to them.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, globalShortcut, ipcMain, Menu, net, protocol, safeStorage, session, shell, systemPreferences } from 'electron';
import Store from 'electron-store';
import electronLog from 'electron-log/main';
import { BRIDGE_METHOD_NAMES, bridgeChannel, type ShortcutAction } from '../shared/bridge-contract';
import { APP_ENTRY_URL, APP_HOST, APP_ORIGIN, APP_SCHEME, resolveAppFile } from './app-protocol';
import { AccountSession } from './account-session';
import { AccountsClient } from './accounts-client';
import { buildApplicationMenu } from './application-menu';
import { dispatchBridgeCall } from './bridge-dispatch';
import { sendBridgeEvent } from './bridge-events';
import { createBridgeHandlers } from './bridge-handlers';
import { ChatLogStore } from './chat-log-store';
import { configureDiagnosticLog, sweepDiagnosticLogs } from './diagnostic-log';
import { startRetentionSweeper } from './retention-sweeper';
import { contentSecurityPolicy } from './content-security-policy';
import { openCredentialVault } from './credential-vault';
import { createMediaAccessService } from './media-access';
import { createDenialLogger, installPermissionPolicy } from './permission-policy';
import { SafetyActions } from './safety-actions';
import { secureWebPreferences } from './secure-web-preferences';
import { ServerApiClient } from './server-api-client';
import { SettingsStore } from './settings-store';
import { resolveServerUrl } from './server-address';
import { createShortcutRegistry } from './shortcut-registry';
import { createShortcutService } from './shortcut-service';
import { guardWebContents } from './web-contents-guard';

const serverUrl = resolveServerUrl(process.argv, process.env);
const rendererRoot = path.join(__dirname, '../renderer');
const csp = contentSecurityPolicy(serverUrl);
let mainWindow: BrowserWindow | null = null;

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
        }),
      ),
    );
  applyMenu();
  shortcutRegistry.subscribe(applyMenu);
  app.on('will-quit', () => shortcuts.dispose());

  // Secrets: the OS keychain first; keytar failing to load is a fallback, not a crash.
  const vault = await openCredentialVault({
    loadKeychain: () => import('keytar'),
    safeStorage,
    store: new Store({ name: 'credential-vault' }),
  });
  const settings = new SettingsStore(new Store({ name: 'settings' }));
  const logDirectory = path.join(app.getPath('userData'), 'logs');
  // Not electron-log's initialize(): it would add a preload of its own; renderer events come through the bridge.
  const diagnostics = configureDiagnosticLog(electronLog, logDirectory, () => settings.read().chatLogRetention);
  const chatLogs = new ChatLogStore({
    directory: path.join(app.getPath('userData'), 'chat-logs'),
    getKey: async () => (await vault.chatLogDataKey()).key,
    now: Date.now,
    retention: () => settings.read().chatLogRetention,
  });
  const sweeper = startRetentionSweeper(
    [() => chatLogs.sweep(), (retention) => sweepDiagnosticLogs(logDirectory, retention, Date.now())],
    settings,
    (error) => diagnostics.warn('retention sweep failed', error),
  );
  app.on('will-quit', () => sweeper.stop());
  const serverApi = ServerApiClient.fromSocketUrl(serverUrl);
  const account = new AccountSession(new AccountsClient(serverApi), vault);
  await account.restore().catch((error: unknown) => diagnostics.warn('could not restore the session', error));

  const handlers = createBridgeHandlers({
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      platform: ['darwin', 'win32', 'linux'].includes(process.platform) ? (process.platform as 'darwin' | 'win32' | 'linux') : 'other',
    },
    serverUrl,
    mediaAccess: createMediaAccessService({
      platform: process.platform,
      systemPreferences,
      openExternal: (url) => shell.openExternal(url),
    }),
    shortcuts,
    account,
    settings,
    chatLogs,
    diagnostics,
    safety: new SafetyActions(serverApi, account),
  });
  for (const method of BRIDGE_METHOD_NAMES) {
    ipcMain.handle(bridgeChannel(method), (event, input: unknown) =>
      dispatchBridgeCall(
        { method, input, senderUrl: event.senderFrame?.url ?? '' },
        { handlers, trustedOrigins: [APP_ORIGIN], onRejected: (_name, reason) => diagnostics.warn('bridge call refused', reason) },
      ),
    );
  }

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
