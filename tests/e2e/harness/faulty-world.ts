/**
 * A call world whose server can be broken mid-test: the people's apps reach
 * the real server through a ServerFront, which a test switches to answering
 * 500 or to stopped. A person may also get a keychain the test can lock.
 * Offered as the `faultyWorld` fixture, on top of the shared fixtures (page
 * problems fail the test unless declared).
 */
import type { Browser } from 'playwright-core';
import { newTestAppData, openTestMainServices, type TestMainServices } from '../../support/main-services';
import { startTestServer, type TestServer } from '../../support/test-server';
import { BUSY_MACHINE_SERVER } from './busy-machine-world';
import { CallClient } from './call-client';
import { test as base } from './fixtures';
import type { LockableKeychain } from './lockable-keychain';
import { startRendererServer, type RendererServer } from './renderer-server';
import { startServerFront, type ServerFront } from './server-front';

export interface FaultyOpenOptions {
  /** "new": signed up before the page opens (the default); "none": the page opens signed out. */
  account?: 'new' | 'none';
  /** The person's system keychain; without it, the test default (no keychain: the encrypted file). */
  keychain?: LockableKeychain;
}

export interface FaultyWorld {
  server: TestServer;
  /** Where the apps reach the server: break it with answer500() or stop(). */
  front: ServerFront;
  clients: readonly CallClient[];
  openClient(name: string, options?: FaultyOpenOptions): Promise<CallClient>;
  close(): Promise<void>;
}

let peopleCreated = 0;

/** A fresh person's sign-up details, unique across the run. */
export function newPersonDetails(name: string): { email: string; username: string; password: string } {
  peopleCreated += 1;
  return {
    email: `${name}-${process.pid}-${peopleCreated}@example.org`,
    username: `faulty-${peopleCreated}-${name}`.slice(0, 24),
    password: 'a long test password',
  };
}

export async function startFaultyWorld(browser: Browser): Promise<FaultyWorld> {
  const server = await startTestServer(BUSY_MACHINE_SERVER);
  const front = await startServerFront(server.url);
  const renderer: RendererServer = await startRendererServer(front.url);
  const clients: CallClient[] = [];
  const services: TestMainServices[] = [];
  return {
    server,
    front,
    clients,
    openClient: async (name, options = {}) => {
      const keychain = options.keychain;
      const person = await openTestMainServices(front.url, newTestAppData(), keychain ? { loadKeychain: () => keychain } : {});
      services.push(person);
      if ((options.account ?? 'new') === 'new') {
        const signedUp = await person.account.signUp(newPersonDetails(name));
        if (!signedUp.ok) throw new Error(`Sign-up for ${name} failed: ${signedUp.error.message}`);
      }
      const client = await CallClient.open(browser, name, renderer.origin, person.handlers);
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const client of clients) await client.close().catch(() => {});
      for (const person of services) person.dispose();
      await renderer.close();
      await front.close();
      await server.close();
    },
  };
}

export const test = base.extend<{ faultyWorld: FaultyWorld }>({
  faultyWorld: async ({ browser, pageProblems }, use) => {
    const world = await startFaultyWorld(browser);
    await use(world);
    // What the pages did during the test; closing them is not part of it.
    for (const client of world.clients) pageProblems.include(client.problems);
    await world.close();
  },
});

export { expect } from './fixtures';
