/**
 * Electron's ipcMain for end-to-end pages: it records every `handle()` the
 * app's own registration (src/main/register-bridge.ts) makes, and answers a
 * page's invoke with the event Electron would build: the calling frame as
 * `senderFrame`, so the bridge checks the real sender's URL.
 */
import type { Frame } from 'playwright-core';
import type { BridgeCallEvent, IpcMainLike } from '../../../src/main/register-bridge';

type Handler = (event: BridgeCallEvent, input: unknown) => Promise<unknown>;

export class IpcMainStandIn implements IpcMainLike {
  private readonly handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    // Electron's own words for a channel registered twice.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  /** Every channel registered so far, in registration order. */
  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /** One `ipcRenderer.invoke` from `frame`; rejects, as Electron does, on a channel nobody handles. */
  async invoke(frame: Frame, channel: string, input: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: { url: frame.url() } }, input);
  }
}
