/**
 * `npm run bench:effects`: the real effects pipeline (worker, engine,
 * compositor, built like the app) in Chromium on a 640x480 fake camera at
 * 30 fps. For each engine and effect it prints JSON with the model load
 * time, the first processed frame, per-frame median and p95 (segmentation,
 * composite, total), the output frame rate sustained over 10 s, and the
 * page's main-thread time per output frame (Chromium's TaskDuration metric,
 * from the DevTools protocol). The load average is printed alongside: other
 * work on the machine moves these numbers.
 *
 * Options: --seconds N (default 10), --engines a,b, --effects a,b.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../tests/e2e/harness/chromium';
import { buildEffectsLab, startEffectsLabServer } from '../tests/e2e/harness/effects-lab-server';
import type { LabEngine } from '../tests/e2e/harness/effects-lab/lab-api';
import { summarize } from './statistics';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    engines: { type: 'string', default: 'litert-wasm,mediapipe-webgl' },
    effects: { type: 'string', default: 'blur:light,blur:strong,background:dusk' },
  },
});
const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error('--seconds must be a positive number');
const engines = values.engines.split(',') as LabEngine[];
const effects = values.effects.split(',');

const loadAverage = (): string =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

type CdpSession = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

/** Seconds the page's main thread has spent running tasks so far. */
async function mainThreadSeconds(session: CdpSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
}

async function runOne(page: Page, engine: LabEngine, effectKey: string) {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  await page.evaluate(() => window.effectsLab.useCamera(640, 480, 30));
  await page.evaluate((options) => window.effectsLab.startPipeline(options), { engine, effectKey });
  try {
    await page.evaluate(() => window.effectsLab.waitForStatus('ready', 30_000));
  } catch (error) {
    await page.evaluate(() => window.effectsLab.stopPipeline());
    return { engine, effect: effectKey, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
  await page.evaluate(() => window.effectsLab.attachOutputVideo());
  // Warm-up (JIT, caches), then the measured window.
  await page.waitForTimeout(1500);
  await page.evaluate(() => window.effectsLab.resetStats());
  const mainBefore = await mainThreadSeconds(session);
  const windowStart = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const stats = await page.evaluate(() => window.effectsLab.readStats());
  const elapsed = (Date.now() - windowStart) / 1000;
  const mainAfter = await mainThreadSeconds(session);
  const inputFps = stats.counters.framesIn / elapsed;
  const result = {
    engine,
    effect: effectKey,
    modelLoadMs: Math.round(stats.loadMs ?? Number.NaN),
    firstFrameMs: Math.round(stats.firstFrameMs ?? Number.NaN),
    segmentationMs: summarize(stats.timings.segmentation),
    compositeMs: summarize(stats.timings.composite),
    totalMs: summarize(stats.timings.total),
    inputFps: Math.round(inputFps * 10) / 10,
    outputFps: Math.round((stats.counters.framesProcessed / elapsed) * 10) / 10,
    neutralFrames: stats.counters.framesNeutral,
    mainThreadMsPerFrame: Math.round(((mainAfter - mainBefore) * 1000 * 100) / Math.max(1, stats.counters.framesProcessed)) / 100,
    loadAverage: loadAverage(),
  };
  await page.evaluate(() => window.effectsLab.stopPipeline());
  await session.detach();
  return result;
}

async function main(): Promise<void> {
  const root = await buildEffectsLab();
  const server = await startEffectsLabServer(root);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    // The harness flags, with the fake camera at 30 fps (its default is 20).
    args: [
      ...CHROMIUM_FLAGS.map((flag) => (flag === '--use-fake-device-for-media-stream' ? `${flag}=fps=30` : flag)),
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const results: unknown[] = [];
  try {
    for (const engine of engines) {
      for (const effect of effects) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.origin}/index.html`);
        await page.waitForFunction(() => 'effectsLab' in window);
        results.push(await runOne(page, engine, effect));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  console.log(
    JSON.stringify(
      {
        machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverageAtEnd: loadAverage() },
        seconds,
        targets: { totalMedianMs: 15, totalP95Ms: 25, outputFps: 30, mainThreadMsPerFrame: 2 },
        results,
      },
      null,
      2,
    ),
  );
}

await main();
