/**
 * Playwright fixtures for the safety-filter tests: the test page built once
 * per worker, and a helper that opens it under a chosen CSP with every
 * request the page (and its workers) makes routed through the test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ClassificationSample } from '../../../src/renderer/src/safety-filter/incoming-video-filter';
import type { ClassifierLoadInfo } from '../../../src/renderer/src/safety-filter/nsfw-worker-classifier';
import type { ClassScores } from '../../../src/renderer/src/safety-filter/class-scores';
import { test as base } from './fixtures';
import type { PageProblemLog } from './page-problems';
import { buildSafetyFilterPage, type BuiltSafetyFilterPage } from './safety-filter-page-build';
import { APP_CSP, startSafetyFilterPageServer, type SafetyFilterPageServer } from './safety-filter-page-server';

export interface TimelineEntry {
  reason: string;
  at: number;
  paintedAt: number | null;
}

export interface MountOptions {
  /** 'scene': the fake camera until changeScene(), then the picture (imageBase64) with the test marker. */
  source: 'camera' | 'image' | 'scene';
  imageBase64?: string;
  classifier: 'nsfw' | 'scripted';
  scriptedDelayMs?: number;
  filterEnabled?: boolean;
  /** Frames with the test marker score explicit (see marker-frame-classifier). */
  flagMarkedFrames?: boolean;
}

export interface FilterPage {
  page: Page;
  context: BrowserContext;
  server: SafetyFilterPageServer;
  /** Every URL the page or its workers asked for, in order (routed, so nothing is missed). */
  requestedUrls: string[];
  mount(options: MountOptions): Promise<void>;
  unmount(): Promise<void>;
  timeline(): Promise<TimelineEntry[]>;
  samples(): Promise<ClassificationSample[]>;
  loadInfo(): Promise<ClassifierLoadInfo | null>;
  setScriptedScores(scores: ClassScores): Promise<void>;
  /** For the 'scene' source: the marked picture replaces the camera; resolves with when (page clock). */
  changeScene(): Promise<number>;
  scriptedAnswers(): Promise<Array<{ at: number; scores: ClassScores }>>;
  /** Waits until the wrapper shows `reason` ('none' when unblurred). */
  waitForReason(reason: string, timeout?: number): Promise<void>;
  waitForSamples(count: number, timeout?: number): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessWindow {
  safetyFilterHarness: {
    mount(options: MountOptions): Promise<void>;
    unmount(): void;
    timeline: TimelineEntry[];
    samples: ClassificationSample[];
    reports: Array<{ evidenceBytes: number; type: string | null }>;
    skips: number;
    loadInfo(): ClassifierLoadInfo | null;
    scripted: { setScores(scores: ClassScores): void; answers: Array<{ at: number; scores: ClassScores }> } | null;
    changeScene: (() => void) | null;
    sceneChangedAt: number | null;
  };
}

export const test = base.extend<
  { openFilterPage: (options?: { csp?: string }) => Promise<FilterPage> },
  { builtFilterPage: BuiltSafetyFilterPage }
>({
  builtFilterPage: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const built = await buildSafetyFilterPage();
      await use(built);
      built.remove();
    },
    { scope: 'worker' },
  ],
  openFilterPage: async ({ browser, builtFilterPage, pageProblems }, use) => {
    const opened: FilterPage[] = [];
    await use(async ({ csp = APP_CSP } = {}) => {
      const filterPage = await openFilterPage(browser, builtFilterPage.root, csp, pageProblems);
      opened.push(filterPage);
      return filterPage;
    });
    for (const filterPage of opened) await filterPage.close();
  },
});

async function openFilterPage(browser: Browser, root: string, csp: string, pageProblems: PageProblemLog): Promise<FilterPage> {
  const server = await startSafetyFilterPageServer(root, csp);
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  pageProblems.watch(context, 'safety-filter page');
  const requestedUrls: string[] = [];
  // Route everything: what the app's own server serves goes through, anything else is refused
  // (and recorded, so the test can fail on it).
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requestedUrls.push(url);
    if (new URL(url).origin === server.origin) await route.continue();
    else await route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/index.html`);
  const filterPage: FilterPage = {
    page,
    context,
    server,
    requestedUrls,
    mount: (options) =>
      page.evaluate((mountOptions) => (window as unknown as HarnessWindow).safetyFilterHarness.mount(mountOptions), options),
    unmount: () => page.evaluate(() => (window as unknown as HarnessWindow).safetyFilterHarness.unmount()),
    timeline: () => page.evaluate(() => (window as unknown as HarnessWindow).safetyFilterHarness.timeline),
    samples: () => page.evaluate(() => (window as unknown as HarnessWindow).safetyFilterHarness.samples),
    loadInfo: () => page.evaluate(() => (window as unknown as HarnessWindow).safetyFilterHarness.loadInfo()),
    setScriptedScores: (scores) =>
      page.evaluate((next) => {
        const scripted = (window as unknown as HarnessWindow).safetyFilterHarness.scripted;
        if (!scripted) throw new Error('The page was not mounted with the scripted classifier');
        scripted.setScores(next);
      }, scores),
    changeScene: () =>
      page.evaluate(() => {
        const harness = (window as unknown as HarnessWindow).safetyFilterHarness;
        if (!harness.changeScene) throw new Error('The page was not mounted with the scene source');
        harness.changeScene();
        return harness.sceneChangedAt!;
      }),
    scriptedAnswers: () => page.evaluate(() => (window as unknown as HarnessWindow).safetyFilterHarness.scripted?.answers ?? []),
    waitForReason: async (reason, timeout = 20_000) => {
      await page.locator(`[data-testid="filtered-remote-video"][data-filter-reason="${reason}"]`).waitFor({ timeout });
    },
    waitForSamples: async (count, timeout = 20_000) => {
      await page.waitForFunction((wanted) => (window as unknown as HarnessWindow).safetyFilterHarness.samples.length >= wanted, count, {
        timeout,
      });
    },
    close: async () => {
      await context.close().catch(() => {});
      await server.close();
    },
  };
  return filterPage;
}

export { expect } from './fixtures';
