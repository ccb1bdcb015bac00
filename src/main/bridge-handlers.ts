/**
 * The one table that maps each bridge method to the main-process service
 * that answers it. Electron's IPC and the end-to-end harness both use it.
 */
import type { AppInfo } from '../shared/bridge-contract';
import type { BridgeHandlers } from './bridge-dispatch';
import { createMediaAccessService, type MediaAccessService } from './media-access';
import { createShortcutRegistry } from './shortcut-registry';
import { createShortcutService, type ShortcutService } from './shortcut-service';

export interface MainServices {
  appInfo: AppInfo;
  serverUrl: string;
  /**
   * OS-level camera and microphone access. Without one, the host is taken
   * to have no per-app switch (a browser test host, or Linux).
   */
  mediaAccess?: MediaAccessService;
  /**
   * Shortcut bindings and the system-wide switch. Without one, the default
   * bindings apply, nothing is dispatched from main and nothing can be
   * registered system-wide (a browser test host delivers keys itself).
   */
  shortcuts?: ShortcutService;
}

export function createBridgeHandlers(services: MainServices): BridgeHandlers {
  const mediaAccess =
    services.mediaAccess ?? createMediaAccessService({ platform: 'linux', systemPreferences: null, openExternal: null });
  const shortcuts =
    services.shortcuts ??
    createShortcutService({ registry: createShortcutRegistry('linux'), globalShortcuts: null, dispatch: () => {} });
  return {
    getAppInfo: () => services.appInfo,
    getServerConfig: () => ({ url: services.serverUrl }),
    getMediaAccess: () => mediaAccess.read(),
    requestMediaAccess: () => mediaAccess.request(),
    openMediaAccessSettings: ({ kind }) => mediaAccess.openSettings(kind),
    getShortcuts: () => shortcuts.list(),
    setShortcut: ({ action, accelerator }) => shortcuts.rebind(action, accelerator),
    setSystemWideShortcuts: ({ enabled }) => shortcuts.setSystemWide(enabled),
  };
}
