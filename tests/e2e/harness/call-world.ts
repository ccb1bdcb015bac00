/**
 * A world for end-to-end tests and benchmarks: the real server (signaling,
 * matchmaking, accounts, SQLite) and a renderer server on 127.0.0.1. Each
 * person gets their own app-data folder and their own main-process
 * services, running for real in this process behind the page's bridge.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { SettingsPatch } from '../../../src/shared/settings';
import { newTestAppData, openTestMainServices, type TestAppData, type TestMainServices } from '../../support/main-services';
import { startTestServer, type TestServer, type TestServerOptions } from '../../support/test-server';
import { CallClient } from './call-client';
import type { LockableKeychain } from './lockable-keychain';
import { startRendererServer, type RendererServer } from './renderer-server';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

export interface OpenOptions {
  /** "new": signed up before the page opens (the default); "none": the page opens signed out. */
  account?: 'new' | 'none';
  /** Reuse a person's app data: opening it again is an app restart. */
  appData?: TestAppData;
  /** Script run in the page before the app, e.g. to make a device fail. */
  initScript?: string;
  /** Settings the person has before the app opens. */
  settings?: SettingsPatch;
  /** A browser of the person's own (the CPU benchmark reads each person's process tree); the world's otherwise. */
  browser?: Browser;
  /** The person's system keychain; without it, the test default (no keychain: the encrypted file). */
  keychain?: LockableKeychain;
}

export interface CallWorldOptions {
  /** Where the people's apps reach the server when not directly (a front a test can break); closed before the server. */
  via?: { url: string; close(): Promise<void> };
}

export interface Person {
  client: CallClient;
  appData: TestAppData;
  services: TestMainServices;
}

export interface CallWorld {
  server: TestServer;
  renderer: RendererServer;
  clients: CallClient[];
  openClient(name: string, options?: OpenOptions): Promise<CallClient>;
  /** The person behind a client: their app data and main-process services. */
  personOf(client: CallClient): Person;
  close(): Promise<void>;
}

let peopleCreated = 0;

/** A fresh person's sign-up details, unique across the run. */
export function newPersonDetails(name: string): { email: string; username: string; password: string } {
  peopleCreated += 1;
  return {
    email: `${name}-${process.pid}-${peopleCreated}@example.org`,
    username: `tester-${peopleCreated}-${name}`.slice(0, 24),
    password: 'a long test password',
  };
}

export async function startCallWorld(browser: Browser, serverOptions: TestServerOptions = {}): Promise<CallWorld> {
  return callWorldOn(browser, await startTestServer(serverOptions));
}

/** A world on a server started elsewhere (the local stack `npm start` runs, for one); closing the world closes it. */
export async function callWorldOn(browser: Browser, server: TestServer, worldOptions: CallWorldOptions = {}): Promise<CallWorld> {
  const appsReach = worldOptions.via?.url ?? server.url;
  const renderer = await startRendererServer(appsReach);
  const clients: CallClient[] = [];
  const people = new Map<CallClient, Person>();
  return {
    server,
    renderer,
    clients,
    openClient: async (name, options = {}) => {
      const appData = options.appData ?? newTestAppData();
      const keychain = options.keychain;
      const services = await openTestMainServices(appsReach, appData, keychain ? { loadKeychain: () => keychain } : {});
      if (options.settings) services.settings.update(options.settings);
      if ((options.account ?? 'new') === 'new' && !options.appData) {
        const signedUp = await services.account.signUp(newPersonDetails(name));
        if (!signedUp.ok) throw new Error(`Sign-up for ${name} failed: ${signedUp.error.message}`);
      }
      const client = await CallClient.open(options.browser ?? browser, name, renderer.origin, services.handlers, options.initScript);
      clients.push(client);
      people.set(client, { client, appData, services });
      return client;
    },
    personOf: (client) => {
      const person = people.get(client);
      if (!person) throw new Error(`${client.name} was not opened in this world`);
      return person;
    },
    close: async () => {
      for (const client of clients) await client.close().catch(() => {});
      for (const person of people.values()) person.services.dispose();
      await renderer.close();
      await worldOptions.via?.close();
      await server.close();
    },
  };
}
