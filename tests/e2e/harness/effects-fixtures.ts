/**
 * Playwright fixtures for the effects tests: the shared fixtures (one
 * Chromium per worker, page errors fail the test), one built, served
 * effects lab per worker (the build takes a few seconds), and a fresh page
 * on the lab per test.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { test as base } from './fixtures';
import { buildEffectsLab, startEffectsLabServer, type EffectsLabServer } from './effects-lab-server';

export const test = base.extend<{ labPage: Page }, { lab: EffectsLabServer }>({
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
  labPage: async ({ browser, lab, pageProblems }, use) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
    pageProblems.watch(context, 'effects lab');
    const page = await context.newPage();
    await page.goto(`${lab.origin}/index.html`);
    await page.waitForFunction(() => 'effectsLab' in window);
    await use(page);
    await page.evaluate(() => window.effectsLab.stopPipeline()).catch(() => {});
    await context.close();
  },
});

export { expect } from './fixtures';
