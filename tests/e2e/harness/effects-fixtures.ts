/**
 * Playwright fixtures for the effects tests: one Chromium and one built,
 * served effects lab per worker (the build takes a few seconds), and a
 * fresh page on the lab per test.
 */
import fs from 'node:fs';
import { test as base } from '@playwright/test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { buildEffectsLab, startEffectsLabServer, type EffectsLabServer } from './effects-lab-server';

export const test = base.extend<{ labPage: Page }, { browser: Browser; lab: EffectsLabServer }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  lab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const root = await buildEffectsLab();
      const server = await startEffectsLabServer(root);
      await use(server);
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  labPage: async ({ browser, lab }, use) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[effects lab] page error: ${error.message}`));
    await page.goto(`${lab.origin}/index.html`);
    await page.waitForFunction(() => 'effectsLab' in window);
    await use(page);
    await page.evaluate(() => window.effectsLab.stopPipeline()).catch(() => {});
    await context.close();
  },
});

export { expect } from '@playwright/test';
