/**
 * A call world whose server can be broken mid-test: the people's apps reach
 * the real server through a ServerFront, which a test switches to answering
 * 500 or to stopped. A person may also get a keychain the test can lock
 * (`openClient(name, { keychain })`). Offered as the `faultyWorld` fixture,
 * on top of the shared fixtures (page problems fail the test unless declared).
 */
import type { Browser } from 'playwright-core';
import { startTestServer } from '../../support/test-server';
import { callWorldOn, type CallWorld } from './call-world';
import { test as base, worldFixture } from './fixtures';
import { startServerFront, type ServerFront } from './server-front';

export interface FaultyWorld extends CallWorld {
  /** Where the apps reach the server: break it with answer500() or stop(). */
  front: ServerFront;
}

export async function startFaultyWorld(browser: Browser): Promise<FaultyWorld> {
  const server = await startTestServer();
  const front = await startServerFront(server.url);
  const world = await callWorldOn(browser, server, { via: front });
  return { ...world, front };
}

export const test = base.extend<{ faultyWorld: FaultyWorld }>({
  faultyWorld: async ({ browser, pageProblems }, use) => worldFixture(await startFaultyWorld(browser), pageProblems, use),
});

export { expect } from './fixtures';
