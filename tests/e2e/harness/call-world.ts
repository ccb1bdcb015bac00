/**
 * Playwright fixtures for end-to-end tests: one Chromium per worker, and
 * per test a real signaling server and a renderer server on 127.0.0.1,
 * with `openClient` to bring people in.
 */
import path from 'node:path';
import { test as base } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { startSignalingServer, type RunningSignalingServer } from '../../../server/signaling-server';
import { createBridgeHandlers } from '../../../src/main/bridge-handlers';
import { launchChromium } from './chromium';
import { CallClient } from './call-client';
import { startRendererServer, type RendererServer } from './renderer-server';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

export interface CallWorld {
  server: RunningSignalingServer;
  renderer: RendererServer;
  clients: CallClient[];
  openClient(name: string): Promise<CallClient>;
}

export const test = base.extend<{ world: CallWorld }, { browser: Browser }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  world: async ({ browser }, use) => {
    const server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    const renderer = await startRendererServer(server.url);
    const handlers = createBridgeHandlers({
      appInfo: { name: 'Cam-Party', version: '0.0.0-test', platform: 'linux' },
      serverUrl: server.url,
    });
    const clients: CallClient[] = [];
    const world: CallWorld = {
      server,
      renderer,
      clients,
      openClient: async (name) => {
        const client = await CallClient.open(browser, name, renderer.origin, handlers);
        clients.push(client);
        return client;
      },
    };
    await use(world);
    for (const client of clients) await client.close().catch(() => {});
    await renderer.close();
    await server.close();
  },
});

export { expect } from '@playwright/test';
