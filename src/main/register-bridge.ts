/**
 * Registers every method of the bridge contract on an ipcMain: each channel
 * dispatches to the handler table, with the sender's frame URL as Electron
 * reports it. The app passes Electron's ipcMain; the end-to-end harness a
 * stand-in that receives calls from Playwright pages, so both run this.
 */
import { BRIDGE_METHOD_NAMES, bridgeChannel } from '../shared/bridge-contract';
import { dispatchBridgeCall, type BridgeHandlers } from './bridge-dispatch';
import type { DiagnosticLogger } from './diagnostic-log';

/** The part of Electron's IpcMainInvokeEvent the bridge reads. */
export interface BridgeCallEvent {
  /** The frame that sent the call; null once it has navigated away or gone. */
  senderFrame?: { url: string } | null;
}

/** The part of Electron's ipcMain the bridge uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: BridgeCallEvent, input: unknown) => Promise<unknown>): void;
}

export interface BridgeRegistration {
  handlers: BridgeHandlers;
  /** Origins whose frames may call the bridge (the app's own page). */
  trustedOrigins: readonly string[];
  /** Where refused calls and failing handlers are written down. */
  log: Pick<DiagnosticLogger, 'warn' | 'error'>;
}

export function registerBridge(ipc: IpcMainLike, { handlers, trustedOrigins, log }: BridgeRegistration): void {
  const options = {
    handlers,
    trustedOrigins,
    onRejected: (method: string, reason: string) => log.warn('bridge call refused', method, reason),
    onFailed: (method: string, detail: unknown) => log.error('bridge call failed', method, detail),
  };
  for (const method of BRIDGE_METHOD_NAMES) {
    ipc.handle(bridgeChannel(method), (event, input) =>
      dispatchBridgeCall({ method, input, senderUrl: event.senderFrame?.url ?? '' }, options),
    );
  }
}
