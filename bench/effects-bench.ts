/**
 * `npm run bench:effects`: the real effects pipeline (worker, engine,
 * compositor, built like the app) in Chromium on a 640x480 fake camera at
 * 30 fps.
 *
 * First the same-run comparison, round by round (`--rounds`, default 3):
 * ours (`--compare-engine`, default litert-wasm, with `--compare-effect`,
 * default blur:strong) and the reference, `@tensorflow-models/body-segmentation`
 * with the MediaPipe selfie model and a plain Canvas2D blur
 * (bench/effects-reference), blurring as much: per-frame total, segmentation
 * and composite, output fps and main-thread time per frame, with
 * ratio = ours / reference (for fps, above 1 is better).
 *
 * Then, unless `--matrix off`, for each engine and effect: model load, first
 * frame, per-frame median and p95, output fps and main-thread time per frame.
 *
 * Options: --seconds N (default 10), --engines a,b, --effects a,b.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromiumAt30Fps } from './bench-chromium';
import { buildEffectsLab, startEffectsLabServer } from '../tests/e2e/harness/effects-lab-server';
import type { LabEngine } from '../tests/e2e/harness/effects-lab/lab-api';
import { BLUR_SETTINGS } from '../src/renderer/src/effects/effect-model';
import { BLUR_STRENGTHS } from '../src/shared/video-effect';

import { mainThreadMs, measureReferenceWindow, type EffectsWindow } from './effects-reference/effects-reference-round';
import { serveEffectsReferencePage } from './effects-reference/effects-reference-server';
import { LOAD_GATE_OPTIONS, openLoadGate, printReport } from './load-gate';
import { compareFigures, interleaveRounds, summarize } from './statistics';

type BlurStrength = (typeof BLUR_STRENGTHS)[number];

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    'compare-engine': { type: 'string', default: 'litert-wasm' },
    'compare-effect': { type: 'string', default: 'blur:strong' },
    matrix: { type: 'string', default: 'on' },
    engines: { type: 'string', default: 'litert-wasm,mediapipe-webgl' },
    effects: { type: 'string', default: 'blur:light,blur:strong,background:dusk' },
    ...LOAD_GATE_OPTIONS,
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const compareStrength = values['compare-effect'].replace(/^blur:/, '') as BlurStrength;
if (!(seconds > 0) || !Number.isInteger(rounds) || rounds < 1 || !BLUR_STRENGTHS.includes(compareStrength)) {
  console.error('Usage: npm run bench:effects -- [--seconds S] [--rounds N] [--compare-effect blur:light|blur:strong] [--matrix on|off]');
  process.exit(2);
}
const gate = openLoadGate('effects', values['allow-busy-machine']);
const engines = values.engines.split(',') as LabEngine[];
const effects = values.effects.split(',');
const WARM_UP_MS = 1500;
/** The frame pixels our blur spreads over (downscale × blur on the small picture), for the reference's ctx.filter. */
const blurPx = (strength: BlurStrength): number => BLUR_SETTINGS[strength].downscale * BLUR_SETTINGS[strength].blurPx;

/** One measured window of our pipeline on the effects lab page. */
async function measureOurs(
  page: Page,
  engine: LabEngine,
  effectKey: string,
): Promise<EffectsWindow & { firstFrameMs: number; inputFps: number; neutralFrames: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  await page.evaluate(() => window.effectsLab.useCamera(640, 480, 30));
  await page.evaluate((options) => window.effectsLab.startPipeline(options), { engine, effectKey });
  try {
    await page.evaluate(() => window.effectsLab.waitForStatus('ready', 30_000));
    await page.evaluate(() => window.effectsLab.attachOutputVideo());
    // Warm-up (JIT, caches), then the measured window.
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    await page.evaluate(() => window.effectsLab.resetStats());
    const mainBefore = await mainThreadMs(session);
    const windowStart = Date.now();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const stats = await page.evaluate(() => window.effectsLab.readStats());
    const elapsed = (Date.now() - windowStart) / 1000;
    const mainAfter = await mainThreadMs(session);
    return {
      loadMs: stats.loadMs ?? Number.NaN,
      firstFrameMs: stats.firstFrameMs ?? Number.NaN,
      timings: stats.timings,
      inputFps: stats.counters.framesIn / elapsed,
      outputFps: stats.counters.framesProcessed / elapsed,
      neutralFrames: stats.counters.framesNeutral,
      mainThreadMsPerFrame: (mainAfter - mainBefore) / Math.max(1, stats.counters.framesProcessed),
    };
  } finally {
    await page.evaluate(() => window.effectsLab.stopPipeline());
    await session.detach();
  }
}

const tenths = (value: number): number => Math.round(value * 10) / 10;

async function runOne(page: Page, engine: LabEngine, effectKey: string) {
  try {
    const window = await measureOurs(page, engine, effectKey);
    return {
      engine,
      effect: effectKey,
      modelLoadMs: Math.round(window.loadMs),
      firstFrameMs: Math.round(window.firstFrameMs),
      segmentationMs: summarize(window.timings.segmentation),
      compositeMs: summarize(window.timings.composite),
      totalMs: summarize(window.timings.total),
      inputFps: tenths(window.inputFps),
      outputFps: tenths(window.outputFps),
      neutralFrames: window.neutralFrames,
      mainThreadMsPerFrame: Math.round(window.mainThreadMsPerFrame * 100) / 100,
    };
  } catch (error) {
    return { engine, effect: effectKey, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** Figures of windows, pooled over rounds: every frame's timings, one fps and main-thread figure per round. */
function figuresOf(windows: EffectsWindow[]) {
  return {
    totalMs: windows.flatMap((window) => window.timings.total),
    segmentationMs: windows.flatMap((window) => window.timings.segmentation),
    compositeMs: windows.flatMap((window) => window.timings.composite),
    outputFps: windows.map((window) => window.outputFps),
    mainThreadMsPerFrame: windows.map((window) => window.mainThreadMsPerFrame),
    loadMs: windows.map((window) => window.loadMs),
  };
}

async function main(): Promise<void> {
  const root = await buildEffectsLab();
  const server = await startEffectsLabServer(root);
  const referencePage = await serveEffectsReferencePage();
  const browser = await launchChromiumAt30Fps();
  const ours: EffectsWindow[] = [];
  const reference: EffectsWindow[] = [];
  const results: unknown[] = [];
  const onLabPage = async <T>(use: (page: Page) => Promise<T>): Promise<T> => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/index.html`);
      await page.waitForFunction(() => 'effectsLab' in window);
      return await use(page);
    } finally {
      await context.close();
    }
  };
  try {
    await interleaveRounds(rounds, {
      ours: async () =>
        void ours.push(await onLabPage((page) => measureOurs(page, values['compare-engine'] as LabEngine, `blur:${compareStrength}`))),
      reference: async () =>
        void reference.push(await measureReferenceWindow(browser, referencePage.origin, blurPx(compareStrength), WARM_UP_MS, seconds)),
    });
    if (values.matrix !== 'off') {
      for (const engine of engines) for (const effect of effects) results.push(await onLabPage((page) => runOne(page, engine, effect)));
    }
  } finally {
    await browser.close();
    await referencePage.close();
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  printReport(gate, {
    rounds,
    secondsPerRound: seconds,
    oursIs: `our pipeline, engine ${values['compare-engine']}, blur:${compareStrength}`,
    referenceIs:
      `@tensorflow-models/body-segmentation, MediaPipe selfie model (general) on its "mediapipe" runtime (MediaPipe's own WebAssembly and WebGL, ` +
      `the solution served from the @mediapipe/selfie_segmentation npm package: no npm package ships the model for its tfjs runtime, so not the TF.js wasm backend), ` +
      `Canvas2D composite on the main thread (ctx.filter blur(${blurPx(compareStrength)}px) + globalCompositeOperation)`,
    ...compareFigures(figuresOf(ours), figuresOf(reference)),
    targets: { totalMedianRatio: 0.5, oursTotalP95OverOurMedian: 1.5, outputFps: 30, mainThreadMsPerFrame: 2 },
    matrix: results,
  });
}

await main();
