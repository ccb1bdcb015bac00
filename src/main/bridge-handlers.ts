/**
 * The one table that maps each bridge method to the main-process service
 * that answers it. Electron's IPC and the end-to-end harness both use it.
 */
import type { AppInfo } from '../shared/bridge-contract';
import type { AccountSession } from './account-session';
import type { AutoUpdateService } from './auto-update/auto-update-service';
import type { BridgeHandlers } from './bridge-dispatch';
import type { ChatLogStore } from './chat-log-store';
import type { DiagnosticLogger } from './diagnostic-log';
import type { SafetyActions } from './safety-actions';
import type { SettingsStore } from './settings-store';
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
  account: AccountSession;
  settings: SettingsStore;
  chatLogs: ChatLogStore;
  diagnostics: DiagnosticLogger;
  safety: SafetyActions;
  /** Updates in the background; none in development and test hosts (then a call's start and end change nothing). */
  updates?: AutoUpdateService;
}

export function createBridgeHandlers(services: MainServices): BridgeHandlers {
  const mediaAccess = services.mediaAccess ?? createMediaAccessService({ platform: 'linux', systemPreferences: null, openExternal: null });
  const shortcuts =
    services.shortcuts ?? createShortcutService({ registry: createShortcutRegistry('linux'), globalShortcuts: null, dispatch: () => {} });
  return {
    getAppInfo: () => services.appInfo,
    getServerConfig: () => ({ url: services.serverUrl }),
    getMediaAccess: () => mediaAccess.read(),
    requestMediaAccess: () => mediaAccess.request(),
    openMediaAccessSettings: ({ kind }) => mediaAccess.openSettings(kind),
    getShortcuts: () => shortcuts.list(),
    setShortcut: ({ action, accelerator }) => shortcuts.rebind(action, accelerator),
    setSystemWideShortcuts: ({ enabled }) => shortcuts.setSystemWide(enabled),
    getAccountState: () => services.account.state(),
    signUp: (input) => services.account.signUp(input),
    signIn: (input) => services.account.signIn(input),
    signOut: () => services.account.signOut(),
    startTwoFactor: () => services.account.startTwoFactor(),
    confirmTwoFactor: ({ code }) => services.account.confirmTwoFactor(code),
    deleteAccount: ({ password }) => services.account.deleteAccount(password),
    getSocketAccess: async ({ fresh }) => {
      const token = await services.account.socketAccessToken(fresh);
      return token.ok ? { ok: true, value: { url: services.serverUrl, accessToken: token.value } } : token;
    },
    getSettings: () => services.settings.read(),
    updateSettings: (patch) => services.settings.update(patch),
    appendChatLog: async ({ conversationId, partnerId, message }) => {
      await services.chatLogs.append(conversationId, partnerId, message);
      return { kept: services.settings.read().chatLogRetention !== 'off' };
    },
    listChatLogs: () => services.chatLogs.list(),
    readChatLog: ({ conversationId }) => services.chatLogs.read(conversationId),
    deleteChatLog: async ({ conversationId }) => {
      await services.chatLogs.delete(conversationId);
      return { deleted: true as const };
    },
    fileReport: (report) => services.safety.fileReport(report),
    addReportDetails: ({ reportId, ...details }) => services.safety.addReportDetails(reportId, details),
    blockPartner: ({ pairId }) => services.safety.block(pairId),
    listBlocks: () => services.safety.listBlocks(),
    unblockAccount: ({ accountId }) => services.safety.unblock(accountId),
    logEvent: ({ level, event, detail }) => {
      services.diagnostics[level](`renderer: ${event}`, ...(detail === undefined ? [] : [detail]));
      return { logged: true };
    },
    setCallActive: ({ active }) => {
      // Not awaited: when a call ends, the update question may open and wait for the person.
      void services.updates?.setCallActive(active);
      return { active };
    },
    deleteAllChatLogs: async () => {
      await services.chatLogs.deleteAll();
      return { deleted: true as const };
    },
  };
}
