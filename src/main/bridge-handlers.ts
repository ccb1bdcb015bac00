/**
 * The one table that maps each bridge method to the main-process service
 * that answers it. Electron's IPC and the end-to-end harness both use it.
 */
import type { AppInfo } from '../shared/bridge-contract';
import type { BridgeHandlers } from './bridge-dispatch';

export interface MainServices {
  appInfo: AppInfo;
  serverUrl: string;
}

export function createBridgeHandlers(services: MainServices): BridgeHandlers {
  return {
    getAppInfo: () => services.appInfo,
    getServerConfig: () => ({ url: services.serverUrl }),
  };
}
