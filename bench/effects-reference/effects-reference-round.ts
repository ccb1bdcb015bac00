/**
 * One measured window of the effects reference page (effects-reference-page.ts)
 * in a fresh browser context: load, warm-up, then per-frame timings, the
 * output frame rate and the page's main-thread time per frame.
 */
import type { Browser, CDPSession } from 'playwright-core';
import type { EffectsReferenceApi } from './effects-reference-page';

export interface EffectsWindow {
  loadMs: number;
  timings: { segmentation: number[]; composite: number[]; total: number[] };
  outputFps: number;
  mainThreadMsPerFrame: number;
}

type ReferenceWindow = { effectsReference: EffectsReferenceApi };

/** Milliseconds the page's main thread has spent running tasks so far (Chromium's TaskDuration). */
export async function mainThreadMs(session: CDPSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
}

export async function measureReferenceWindow(
  browser: Browser,
  origin: string,
  blurPx: number,
  warmUpMs: number,
  seconds: number,
): Promise<EffectsWindow> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/index.html`);
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    const loadMs = await page.evaluate((px) => (window as unknown as ReferenceWindow).effectsReference.start(px), blurPx);
    await new Promise((resolve) => setTimeout(resolve, warmUpMs));
    await page.evaluate(() => (window as unknown as ReferenceWindow).effectsReference.resetStats());
    const mainBefore = await mainThreadMs(session);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const stats = await page.evaluate(() => (window as unknown as ReferenceWindow).effectsReference.readStats());
    const mainAfter = await mainThreadMs(session);
    await page.evaluate(() => (window as unknown as ReferenceWindow).effectsReference.stop());
    return {
      loadMs,
      timings: stats.timings,
      outputFps: stats.framesProcessed / stats.seconds,
      mainThreadMsPerFrame: (mainAfter - mainBefore) / Math.max(1, stats.framesProcessed),
    };
  } finally {
    await context.close();
  }
}
