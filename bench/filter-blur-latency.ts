/**
 * How fast the safety filter blurs, for the filter benchmark: from a flagged
 * result (injected scores) reaching the renderer, and from an explicit frame
 * arriving (the real classifier doing the work), to the first frame painted blurred.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEFAULT_FILTER_SETTINGS } from '../src/renderer/src/safety-filter/filter-settings';
import type { HarnessWindow } from '../tests/e2e/harness/safety-filter-fixtures';
import { mount, newPage, sleep, unmount, waitForBlurredPaint, waitForReason } from './filter-page';

const SCENE_PICTURE = path.resolve(import.meta.dirname, '../tests/fixtures/images/camera.png');

export async function measureBlurLatency(browser: Browser, origin: string, trials: number): Promise<number[]> {
  const page = await newPage(browser, origin);
  const latencies: number[] = [];
  for (let trial = 0; trial < trials; trial += 1) {
    await mount(page, { source: 'camera', classifier: 'scripted', scriptedDelayMs: 80 });
    await waitForReason(page, 'none');
    await page.evaluate(() =>
      (window as unknown as HarnessWindow).safetyFilterHarness.scripted!.setScores({
        Drawing: 0,
        Hentai: 0.05,
        Neutral: 0.03,
        Porn: 0.9,
        Sexy: 0.02,
      }),
    );
    await waitForBlurredPaint(page);
    const latency = await page.evaluate(() => {
      const state = (window as unknown as HarnessWindow).safetyFilterHarness;
      const answer = state.scripted!.answers.find((entry) => entry.scores.Porn >= 0.9)!;
      const blurred = state.timeline.find((entry) => entry.reason === 'explicit')!;
      return blurred.paintedAt! - answer.at;
    });
    latencies.push(latency);
    await unmount(page);
  }
  await page.context().close();
  return latencies;
}

/**
 * An explicit frame arriving in a call, end to end: the fake camera until a random moment,
 * then a new scene with the marker; the real classifier does the work.
 */
export async function measureExplicitArrival(
  browser: Browser,
  origin: string,
  trials: number,
): Promise<{ latencies: number[]; triggers: string[] }> {
  const page = await newPage(browser, origin);
  const picture = fs.readFileSync(SCENE_PICTURE).toString('base64');
  const latencies: number[] = [];
  const triggers: string[] = [];
  for (let trial = 0; trial < trials; trial += 1) {
    await mount(page, { source: 'scene', imageBase64: picture, classifier: 'nsfw', flagMarkedFrames: true });
    await waitForReason(page, 'none');
    // A random phase of the classification cycle.
    await sleep(300 + Math.random() * 1_200);
    const changedAt = await page.evaluate(() => {
      const harness = (window as unknown as HarnessWindow).safetyFilterHarness;
      harness.changeScene!();
      return harness.sceneChangedAt!;
    });
    await waitForBlurredPaint(page);
    const outcome = await page.evaluate((flagAt) => {
      const state = (window as unknown as HarnessWindow).safetyFilterHarness;
      const flagged = state.samples.find((sample) => sample.explicit >= flagAt)!;
      return { paintedAt: state.timeline.find((entry) => entry.reason === 'explicit')!.paintedAt!, trigger: flagged.trigger };
    }, DEFAULT_FILTER_SETTINGS.instantFlagAt);
    latencies.push(outcome.paintedAt - changedAt);
    triggers.push(outcome.trigger);
    await unmount(page);
  }
  await page.context().close();
  return { latencies, triggers };
}
