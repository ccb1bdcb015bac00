/**
 * The shared fixtures with a server whose heartbeat a busy machine answers
 * in time. The default (250 ms, two unanswered pings and the socket is cut)
 * drops a call whenever Chromium is starved for half a second, which a
 * two-core machine under load does; these specs are about the keyboard and
 * failures, not about silent disconnects (signaling-server.test.ts covers those).
 */
import type { TestServerOptions } from '../../support/test-server';
import { startCallWorld } from './call-world';
import { test as base } from './fixtures';

export const BUSY_MACHINE_SERVER: TestServerOptions = { heartbeatIntervalMs: 5_000 };

export const test = base.extend({
  world: async ({ browser, pageProblems }, use) => {
    const world = await startCallWorld(browser, BUSY_MACHINE_SERVER);
    await use(world);
    // What the pages did during the test; closing them is not part of it.
    for (const client of world.clients) pageProblems.include(client.problems);
    await world.close();
  },
});

export { expect, SCREENSHOT_DIR } from './fixtures';
