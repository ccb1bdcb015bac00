/**
 * The Electron main process: wiring only. Every decision lives in a plain
 * module beside this file, tested in Node.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { BRIDGE_METHOD_NAMES, bridgeChannel } from '../shared/bridge-channels';
import { APP_ENTRY_URL, APP_HOST, APP_ORIGIN, APP_SCHEME, resolveAppFile } from './app-protocol';
import { dispatchBridgeCall } from './bridge-dispatch';
import { createBridgeHandlers } from './bridge-handlers';
import { contentSecurityPolicy } from './content-security-policy';
import { isPermissionGranted } from './permission-policy';
import { secureWebPreferences } from './secure-web-preferences';
import { resolveServerUrl } from './server-address';

const serverUrl = resolveServerUrl(process.argv, process.env);
const rendererRoot = path.join(__dirname, '../renderer');
const csp = contentSecurityPolicy(serverUrl);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.whenReady().then(onReady).catch((error: unknown) => {
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

  session.defaultSession.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionGranted({ permission, requestingUrl: details.requestingUrl, mediaTypes }, APP_ORIGIN));
  });
  session.defaultSession.setPermissionCheckHandler((webContents, permission, requestingOrigin) =>
    isPermissionGranted({ permission, requestingUrl: requestingOrigin }, APP_ORIGIN),
  );

  const handlers = createBridgeHandlers({
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      platform: ['darwin', 'win32', 'linux'].includes(process.platform)
        ? (process.platform as 'darwin' | 'win32' | 'linux')
        : 'other',
    },
    serverUrl,
  });
  for (const method of BRIDGE_METHOD_NAMES) {
    ipcMain.handle(bridgeChannel(method), (event, input: unknown) =>
      dispatchBridgeCall(
        { method, input, senderUrl: event.senderFrame?.url ?? '' },
        { handlers, trustedOrigins: [APP_ORIGIN], onRejected: (name, reason) => console.warn(`bridge: ${reason}`) },
      ),
    );
  }

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

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
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
