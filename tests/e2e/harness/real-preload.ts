/**
 * Installs the desktop bridge in a Chromium context the way Electron does:
 * the real preload (see preload-bundle.ts) runs in every page before the
 * app, and its invokes reach the handler table through the app's own
 * registration (registerBridge) on an ipcMain stand-in that passes the
 * calling frame as the sender. Events go out through the same payload
 * check main uses (sendBridgeEvent). Only the transport is the harness's.
 */
import type { BrowserContext } from 'playwright-core';
import type { BridgeEvent, BridgeEventPayload } from '../../../src/shared/bridge-contract';
import type { BridgeHandlers } from '../../../src/main/bridge-dispatch';
import { sendBridgeEvent } from '../../../src/main/bridge-events';
import { registerBridge, type BridgeRegistration } from '../../../src/main/register-bridge';
import { DELIVER_GLOBAL, INVOKE_BINDING } from './electron-stand-in/transport-names';
import { IpcMainStandIn } from './ipc-main-stand-in';
import { preloadBundle } from './preload-bundle';

export interface PageBridge {
  /** Sends a main → renderer event to every page of the context, as main's webContents.send would. */
  emit<E extends BridgeEvent>(event: E, payload: BridgeEventPayload<E>): Promise<void>;
  /** The ipcMain the bridge was registered on (to see what was registered). */
  ipcMain: IpcMainStandIn;
}

/** Refusals and failures show in the test's output; the app writes them to its diagnostic log. */
const consoleLog: BridgeRegistration['log'] = {
  warn: (...data) => console.warn('[bridge]', ...data),
  error: (...data) => console.warn('[bridge]', ...data),
};

export async function installPageBridge(
  context: BrowserContext,
  handlers: BridgeHandlers,
  trustedOrigin: string,
  log: BridgeRegistration['log'] = consoleLog,
): Promise<PageBridge> {
  const ipcMain = new IpcMainStandIn();
  registerBridge(ipcMain, { handlers, trustedOrigins: [trustedOrigin], log });
  await context.exposeBinding(INVOKE_BINDING, ({ frame }, channel: string, input: unknown) => ipcMain.invoke(frame, channel, input));
  await context.addInitScript({ content: (await preloadBundle()).code });
  return {
    ipcMain,
    emit: async (event, payload) => {
      await sendBridgeEvent(
        {
          send: async (channel, checked) => {
            await Promise.all(
              context
                .pages()
                .map((page) =>
                  page.evaluate(
                    ({ deliver, target, value }) =>
                      (window as unknown as Record<string, (channel: string, payload: unknown) => number>)[deliver]?.(target, value),
                    { deliver: DELIVER_GLOBAL, target: channel, value: checked },
                  ),
                ),
            );
          },
        },
        event,
        payload,
      );
    },
  };
}
