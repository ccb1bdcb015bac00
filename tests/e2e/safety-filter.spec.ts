/**
 * The incoming-video safety filter in Chromium: the real nsfwjs worker on
 * TF.js's WebAssembly backend, under the app's Content Security Policy,
 * with every request routed through the test.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULT_FILTER_SETTINGS } from '../../src/renderer/src/safety-filter/filter-settings';
import { CSP_WITHOUT_WASM } from './harness/safety-filter-page-server';
import { expect, test, type FilterPage, type TimelineEntry } from './harness/safety-filter-fixtures';

const IMAGES_DIR = path.resolve(import.meta.dirname, '../fixtures/images');
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const { safeBelow } = DEFAULT_FILTER_SETTINGS;

/** Frames classified after the video was first shown unblurred. */
const FRAMES_AFTER_REVEAL = 8;

async function blurOf(filterPage: FilterPage): Promise<string> {
  return filterPage.page.locator('[data-testid="filtered-remote-video"] video').evaluate((video) => getComputedStyle(video).filter);
}

/**
 * Blurred from the first frame it was on screen, shown once verified, never flagged explicit.
 * ("behind" may come and go when other Chromiums load the machine: a slow filter blurs too.)
 */
function expectShownAndNeverFlagged(timeline: TimelineEntry[], what = 'fake camera'): void {
  const reasons = timeline.map((entry) => entry.reason);
  expect(reasons[0], what).toBe('checking');
  expect(reasons, what).toContain('none');
  expect(reasons, what).not.toContain('explicit');
}

async function classifyUntilSettled(filterPage: FilterPage): Promise<{ explicitMax: number; sexyMax: number; frames: number }> {
  await filterPage.waitForReason('none', 30_000);
  const atReveal = (await filterPage.samples()).length;
  await filterPage.waitForSamples(atReveal + FRAMES_AFTER_REVEAL, 30_000);
  const samples = await filterPage.samples();
  return {
    explicitMax: Math.max(...samples.map((sample) => sample.explicit)),
    sexyMax: Math.max(...samples.map((sample) => sample.scores.Sexy)),
    frames: samples.length,
  };
}

test('the classifier loads in a worker from the app itself, no request leaves, and the fake camera is never flagged', async ({
  openFilterPage,
}, testInfo) => {
  const filterPage = await openFilterPage();
  await filterPage.mount({ source: 'camera', classifier: 'nsfw' });

  const measured = await classifyUntilSettled(filterPage);
  expectShownAndNeverFlagged(await filterPage.timeline());
  expect(measured.explicitMax).toBeLessThan(safeBelow);
  expect(await blurOf(filterPage)).toBe('none');

  const info = await filterPage.loadInfo();
  expect(info?.backend).toBe('wasm');
  expect(filterPage.page.workers().map((worker) => worker.url())).toEqual([
    expect.stringMatching(/\/assets\/nsfw-classifier\.worker-[\w-]+\.js$/),
  ]);

  // The route saw the worker's own requests (its script and the .wasm it fetched) and nothing
  // from any origin but the app's.
  const origins = new Set(filterPage.requestedUrls.map((url) => new URL(url).origin));
  expect([...origins]).toEqual([filterPage.server.origin]);
  expect(filterPage.requestedUrls).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/nsfw-classifier\.worker-[\w-]+\.js$/),
      expect.stringMatching(/tfjs-backend-wasm-simd-[\w-]+\.wasm$/),
    ]),
  );
  testInfo.annotations.push({ type: 'fake camera', description: JSON.stringify({ ...measured, load: info }) });
});

test('benign photos of people are shown after checking and never flagged', async ({ openFilterPage }, testInfo) => {
  const images = fs.readdirSync(IMAGES_DIR).filter((file) => file.endsWith('.png'));
  expect(images.length).toBeGreaterThanOrEqual(2);
  const filterPage = await openFilterPage();
  for (const image of images) {
    const imageBase64 = fs.readFileSync(path.join(IMAGES_DIR, image)).toString('base64');
    await filterPage.mount({ source: 'image', imageBase64, classifier: 'nsfw' });
    const measured = await classifyUntilSettled(filterPage);
    expectShownAndNeverFlagged(await filterPage.timeline(), image);
    expect(measured.explicitMax, image).toBeLessThan(safeBelow);
    testInfo.annotations.push({ type: image, description: JSON.stringify(measured) });
    await filterPage.unmount();
  }
});

test('a classifier that cannot load keeps the video blurred with a notice until the person chooses to see it', async ({
  openFilterPage,
}) => {
  // Without 'wasm-unsafe-eval' TF.js's setBackend('wasm') resolves false; the worker must refuse
  // rather than run on another backend, and the page must stay blurred.
  const filterPage = await openFilterPage({ csp: CSP_WITHOUT_WASM });
  await filterPage.mount({ source: 'camera', classifier: 'nsfw' });
  await filterPage.waitForReason('unavailable');
  const { page } = filterPage;
  await expect(page.getByRole('alert')).toHaveText("The safety filter couldn't start, so this video stays blurred.");
  expect(await blurOf(filterPage)).toContain('blur(');
  expect(await filterPage.loadInfo()).toBeNull();
  expect(await filterPage.samples()).toEqual([]);

  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string }> }> } }).axe;
    return (await axe.run()).violations.map((violation) => violation.id);
  });
  expect(violations).toEqual([]);

  await page.getByRole('button', { name: 'Show anyway' }).click();
  await filterPage.waitForReason('none');
  expect(await blurOf(filterPage)).toBe('none');
});

test('an explicit score blurs at once; Report carries the frame only when the person agrees; a new episode blurs again', async ({
  openFilterPage,
}, testInfo) => {
  const filterPage = await openFilterPage();
  const { page } = filterPage;
  await filterPage.mount({ source: 'camera', classifier: 'scripted', scriptedDelayMs: 80 });
  await filterPage.waitForReason('none');

  await filterPage.setScriptedScores({ Drawing: 0, Hentai: 0.05, Neutral: 0.03, Porn: 0.9, Sexy: 0.02 });
  await filterPage.waitForReason('explicit');
  const answers = await filterPage.scriptedAnswers();
  const flaggedAnswer = answers.find((answer) => answer.scores.Porn >= 0.9)!;
  const blurredEntry = (await filterPage.timeline()).find((entry) => entry.reason === 'explicit')!;
  await expect.poll(async () => (await filterPage.timeline()).find((entry) => entry.reason === 'explicit')?.paintedAt).not.toBeNull();
  const paintedAt = (await filterPage.timeline()).find((entry) => entry.reason === 'explicit')!.paintedAt!;
  const toBlurMs = paintedAt - flaggedAnswer.at;
  testInfo.annotations.push({ type: 'flag to blurred frame (ms)', description: toBlurMs.toFixed(1) });
  expect(blurredEntry.at).toBeGreaterThanOrEqual(flaggedAnswer.at);
  expect(await blurOf(filterPage)).toContain('blur(');
  await expect(page.getByRole('alert')).toHaveText('This video is blurred because it may show sexual content.');

  // Report without agreeing: no picture goes with it.
  const reports = () =>
    page.evaluate(() => (window as unknown as { safetyFilterHarness: { reports: unknown[] } }).safetyFilterHarness.reports);
  await page.getByRole('button', { name: 'Report' }).click();
  const evidence = page.getByRole('checkbox', { name: /Attach the blurred picture/ });
  await expect(evidence).not.toBeChecked();
  await evidence.check();
  await page.getByRole('button', { name: 'Report' }).click();
  expect(await reports()).toEqual([
    { evidenceBytes: 0, type: null },
    { evidenceBytes: expect.any(Number), type: 'image/jpeg' },
  ]);
  expect(((await reports()) as Array<{ evidenceBytes: number }>)[1]!.evidenceBytes).toBeGreaterThan(1000);
  await page.getByRole('button', { name: 'Skip' }).click();
  expect(await page.evaluate(() => (window as unknown as { safetyFilterHarness: { skips: number } }).safetyFilterHarness.skips)).toBe(1);

  // The stranger cannot lift the blur by behaving; the person can.
  await filterPage.setScriptedScores({ Drawing: 0.01, Hentai: 0.01, Neutral: 0.95, Porn: 0.01, Sexy: 0.02 });
  const benignFrom = (await filterPage.samples()).length;
  await filterPage.waitForSamples(benignFrom + 5);
  expect(await page.locator('[data-testid="filtered-remote-video"]').getAttribute('data-filter-reason')).toBe('explicit');
  await page.getByRole('button', { name: 'Show anyway' }).click();
  await filterPage.waitForReason('none');

  // A new explicit episode after safe frames blurs again.
  await filterPage.setScriptedScores({ Drawing: 0, Hentai: 0.8, Neutral: 0.1, Porn: 0.05, Sexy: 0.05 });
  await filterPage.waitForReason('explicit');
});

test('a new scene is classified at once, not at the next cycle, and an explicit one blurs', async ({ openFilterPage }, testInfo) => {
  const filterPage = await openFilterPage();
  const picture = fs.readFileSync(path.join(IMAGES_DIR, 'camera.png')).toString('base64');
  // A slow classifier (the real one's cost here), so the cycle is about half a second.
  await filterPage.mount({ source: 'scene', imageBase64: picture, classifier: 'scripted', scriptedDelayMs: 100, flagMarkedFrames: true });
  await filterPage.waitForReason('none');
  const beforeChange = await filterPage.samples();
  expect(
    beforeChange.every((sample) => sample.trigger === 'cycle'),
    'the fake camera alone is no new scene',
  ).toBe(true);

  // Right after a cycle's result, so the next cycle is about half a second away.
  await filterPage.waitForSamples(beforeChange.length + 1);
  const changedAt = await filterPage.changeScene();
  await filterPage.waitForReason('explicit');
  const samples = await filterPage.samples();
  const flagged = samples.find((sample) => sample.explicit >= DEFAULT_FILTER_SETTINGS.instantFlagAt)!;
  expect(flagged.trigger).toBe('scene-change');
  expect(flagged.at - flagged.durationMs).toBeGreaterThan(changedAt);
  await expect
    .poll(async () => (await filterPage.timeline()).find((entry) => entry.reason === 'explicit')?.paintedAt ?? null)
    .not.toBeNull();
  const painted = (await filterPage.timeline()).find((entry) => entry.reason === 'explicit')!.paintedAt!;
  testInfo.annotations.push({ type: 'new scene to blurred frame (ms)', description: (painted - changedAt).toFixed(1) });
});
