/**
 * A world for end-to-end tests and benchmarks: a real signaling server and
 * a renderer server on 127.0.0.1, and `openClient` to bring people in.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startSignalingServer, type RunningSignalingServer } from '../../../server/signaling-server';
import { createBridgeHandlers } from '../../../src/main/bridge-handlers';
import { CallClient, type OpenClientOptions } from './call-client';
import { startRendererServer, type RendererServer } from './renderer-server';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

export interface CallWorld {
  server: RunningSignalingServer;
  renderer: RendererServer;
  clients: CallClient[];
  openClient(name: string, options?: OpenClientOptions): Promise<CallClient>;
  close(): Promise<void>;
}

export async function startCallWorld(browser: Browser): Promise<CallWorld> {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  const renderer = await startRendererServer(server.url);
  const handlers = createBridgeHandlers({
    appInfo: { name: 'Cam-Party', version: '0.0.0-test', platform: 'linux' },
    serverUrl: server.url,
  });
  const clients: CallClient[] = [];
  return {
    server,
    renderer,
    clients,
    openClient: async (name, options) => {
      const client = await CallClient.open(browser, name, renderer.origin, handlers, options);
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const client of clients) await client.close().catch(() => {});
      await renderer.close();
      await server.close();
    },
  };
}
