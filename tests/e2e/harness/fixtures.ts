/**
 * Playwright fixtures shared by every end-to-end spec: one Chromium per
 * worker, a fresh call world per test, two people already in a call on
 * demand, and the rule that any page error or console.error fails the
 * test unless the test declares it expected.
 */
import { test as base } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { startCallWorld, type CallWorld } from './call-world';
import type { CallClient } from './call-client';
import { describePageProblems, PageProblemLog } from './page-problems';

export interface PairedClients {
  a: CallClient;
  b: CallClient;
}

interface TestFixtures {
  /** This test's page problems (automatic: checked after every test). */
  pageProblems: PageProblemLog;
  /** Declares page errors or console.errors matching `pattern` part of what the test is about. */
  expectPageErrors: (pattern: RegExp) => void;
  world: CallWorld;
  /** "a" and "b", signed up, pressed Start, and in a call with each other. */
  pairedClients: PairedClients;
}

/** Two people signed up, pressed Start, and in a call with each other. */
export async function pairInACall(world: Pick<CallWorld, 'openClient'>): Promise<PairedClients> {
  const [a, b] = [await world.openClient('a'), await world.openClient('b')];
  await a.start();
  await b.start();
  await a.waitForPhase('in-call');
  await b.waitForPhase('in-call');
  return { a, b };
}

/** Lends a world to the test, then counts what its pages did and closes it. */
export async function worldFixture<World extends CallWorld>(
  world: World,
  pageProblems: PageProblemLog,
  use: (world: World) => Promise<void>,
) {
  await use(world);
  // What the pages did during the test; closing them is not part of it.
  for (const client of world.clients) pageProblems.include(client.problems);
  await world.close();
}

export const test = base.extend<TestFixtures, { browser: Browser }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  pageProblems: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const log = new PageProblemLog();
      await use(log);
      const unexpected = log.unexpected();
      if (unexpected.length > 0) throw new Error(describePageProblems(unexpected));
    },
    { auto: true },
  ],
  expectPageErrors: async ({ pageProblems }, use) => {
    await use((pattern) => pageProblems.expect(pattern));
  },
  world: async ({ browser, pageProblems }, use) => worldFixture(await startCallWorld(browser), pageProblems, use),
  pairedClients: async ({ world }, use) => use(await pairInACall(world)),
});

export { expect } from '@playwright/test';
export { SCREENSHOT_DIR } from './call-world';
