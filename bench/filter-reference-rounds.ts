/**
 * The filter benchmark's same-run comparison: round by round, the app's
 * incoming-video filter (nsfwjs in its worker, on the safety-filter test
 * page) and the reference (NSFWJS's default usage on the main thread,
 * bench/nsfw-reference), each from a fresh page: model load time, time per
 * classification, and the page's main-thread time per classification
 * (Chromium's TaskDuration, from the DevTools protocol).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { HarnessWindow } from '../tests/e2e/harness/safety-filter-fixtures';
import { startSafetyFilterPageServer, type SafetyFilterPageServer } from '../tests/e2e/harness/safety-filter-page-server';
import type { NsfwReferenceApi } from './nsfw-reference/nsfw-reference-page';
import { compareFigures, interleaveRounds, type Comparison } from './statistics';

const REFERENCE_SOURCE = path.resolve(import.meta.dirname, 'nsfw-reference');

/** Builds the reference page with Vite (the model's chunks and TF.js bundled) and serves it under the app's CSP. */
export async function serveNsfwReferencePage(): Promise<SafetyFilterPageServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-nsfw-reference-'));
  await build({ configFile: false, root: REFERENCE_SOURCE, base: './', logLevel: 'error', build: { outDir: root, emptyOutDir: true } });
  const server = await startSafetyFilterPageServer(root);
  return {
    ...server,
    close: async () => {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

interface RoundFigures {
  loadMs: number[];
  classificationMs: number[];
  mainThreadMsPerClassification: number[];
}

/** The test page's harness, with the wall-clock load time its page keeps. */
type OursWindow = HarnessWindow & { safetyFilterHarness: { loadWallMs: number | null } };
type ReferenceWindow = { nsfwReference: NsfwReferenceApi };

const newFigures = (): RoundFigures => ({ loadMs: [], classificationMs: [], mainThreadMsPerClassification: [] });

async function mainThreadMs(session: CDPSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
}

/** A fresh page with the DevTools Performance domain on; closed after `use`. */
async function withPage(browser: Browser, url: string, use: (page: Page, session: CDPSession) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    await use(page, session);
  } finally {
    await context.close();
  }
}

async function oursRound(browser: Browser, origin: string, seconds: number, figures: RoundFigures): Promise<void> {
  await withPage(browser, `${origin}/index.html`, async (page, session) => {
    await page.evaluate(() => (window as unknown as OursWindow).safetyFilterHarness.mount({ source: 'camera', classifier: 'nsfw' }));
    await page.waitForFunction(() => (window as unknown as OursWindow).safetyFilterHarness.loadWallMs !== null, undefined, {
      timeout: 60_000,
    });
    await page.locator('[data-testid="filtered-remote-video"][data-filter-reason="none"]').waitFor({ timeout: 60_000 });
    figures.loadMs.push((await page.evaluate(() => (window as unknown as OursWindow).safetyFilterHarness.loadWallMs))!);
    const countBefore = await page.evaluate(() => (window as unknown as HarnessWindow).safetyFilterHarness.samples.length);
    const mainBefore = await mainThreadMs(session);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const mainAfter = await mainThreadMs(session);
    const samples = (await page.evaluate(() => (window as unknown as HarnessWindow).safetyFilterHarness.samples)).slice(countBefore);
    figures.classificationMs.push(...samples.map((sample) => sample.durationMs));
    figures.mainThreadMsPerClassification.push((mainAfter - mainBefore) / Math.max(1, samples.length));
  });
}

async function referenceRound(browser: Browser, origin: string, seconds: number, figures: RoundFigures): Promise<string> {
  let backend = '';
  await withPage(browser, `${origin}/index.html`, async (page, session) => {
    await page.waitForFunction(() => 'nsfwReference' in window);
    figures.loadMs.push(await page.evaluate(() => (window as unknown as ReferenceWindow).nsfwReference.load()));
    backend = await page.evaluate(() => (window as unknown as ReferenceWindow).nsfwReference.backend());
    const mainBefore = await mainThreadMs(session);
    const durations = await page.evaluate((ms) => (window as unknown as ReferenceWindow).nsfwReference.classifyFor(ms), seconds * 1000);
    const mainAfter = await mainThreadMs(session);
    figures.classificationMs.push(...durations);
    figures.mainThreadMsPerClassification.push((mainAfter - mainBefore) / Math.max(1, durations.length));
  });
  return backend;
}

export interface FilterComparison extends Comparison {
  referenceIs: string;
}

export async function compareWithNsfwjsDefault(
  browser: Browser,
  oursOrigin: string,
  referenceOrigin: string,
  rounds: number,
  seconds: number,
): Promise<FilterComparison> {
  const ours = newFigures();
  const reference = newFigures();
  let backend = '';
  await interleaveRounds(rounds, {
    ours: () => oursRound(browser, oursOrigin, seconds, ours),
    reference: async () => void (backend = await referenceRound(browser, referenceOrigin, seconds, reference)),
  });
  return {
    referenceIs: `NSFWJS default usage on the main thread: nsfwjs.load() (bundled MobileNetV2), model.classify(video) back to back; TF.js backend "${backend}"`,
    ...compareFigures({ ...ours }, { ...reference }),
  };
}
