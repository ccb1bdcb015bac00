/**
 * Playwright fixtures: one Chromium per worker, a fresh call world per test.
 */
import { test as base } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { startCallWorld, type CallWorld } from './call-world';

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
    const world = await startCallWorld(browser);
    await use(world);
    await world.close();
  },
});

export { expect } from '@playwright/test';
export { SCREENSHOT_DIR } from './call-world';
