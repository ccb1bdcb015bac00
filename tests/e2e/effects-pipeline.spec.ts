/**
 * The effects pipeline in Chromium, with the real worker, engine and
 * compositor: it outputs processed frames, switches effects on the same
 * track, and never lets a camera frame through when the engine breaks.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './harness/call-world';
import { expect, test } from './harness/effects-fixtures';
import type { LabFault } from './harness/effects-lab/lab-api';
import { decodeLabFrame } from './harness/image-detail';

/** How far the output's sky (row 10, middle) is from the dusk scene's #2b2d5c, the largest channel difference. */
async function distanceFromDuskSky(labPage: Page): Promise<number> {
  const output = decodeLabFrame(await labPage.evaluate(() => window.effectsLab.grabFrame('output')));
  const pixel = [0, 1, 2].map((channel) => output.rgba[(10 * output.width + 320) * 4 + channel]!);
  return Math.max(...[0x2b, 0x2d, 0x5c].map((expected, channel) => Math.abs(pixel[channel]! - expected)));
}

/** Waits for the preview to have shown a few more processed frames, so a screenshot shows the current effect. */
async function waitForOutputFrames(labPage: Page, frames = 10): Promise<void> {
  await labPage.evaluate((count) => window.effectsLab.watchOutput(count), frames);
}

test('blur on the fake camera: the output track carries processed 640x480 frames', async ({ labPage }) => {
  await labPage.evaluate(() => window.effectsLab.useCamera(640, 480, 30));
  await labPage.evaluate(() => window.effectsLab.startPipeline({ engine: 'litert-wasm', effectKey: 'blur:strong' }));
  await labPage.evaluate(() => window.effectsLab.waitForStatus('ready', 20_000));

  const watched = await labPage.evaluate(() => window.effectsLab.watchOutput(10));
  expect(watched.frames).toBe(10);
  expect(watched.neutral).toBe(0);

  const stats = await labPage.evaluate(() => window.effectsLab.readStats());
  expect(stats.counters.framesProcessed).toBeGreaterThan(10);
  expect(stats.counters.framesNeutral).toBe(0);
  expect(stats.loadMs).toBeGreaterThan(0);

  // Same size as the camera. (What blur does to detail is checked on a photo with a person, in effects-quality.)
  const output = decodeLabFrame(await labPage.evaluate(() => window.effectsLab.grabFrame('output')));
  expect([output.width, output.height]).toEqual([640, 480]);
});

test('switching to a shipped background keeps the same track and draws the picture', async ({ labPage }) => {
  await labPage.evaluate(() => window.effectsLab.useCamera(640, 480, 30));
  await labPage.evaluate(() => window.effectsLab.startPipeline({ engine: 'litert-wasm', effectKey: 'blur:light' }));
  await labPage.evaluate(() => window.effectsLab.waitForStatus('ready', 20_000));
  await labPage.evaluate(() => window.effectsLab.setEffect('background:dusk'));

  // The dusk scene's sky starts at #2b2d5c; the fake camera is nothing like it.
  await expect.poll(() => distanceFromDuskSky(labPage)).toBeLessThan(16);
  expect((await labPage.evaluate(() => window.effectsLab.status())).state).toBe('ready');
});

/** Starts blur on the fake camera with an engine that fails as `fault` says, and waits until the pipeline pauses for `reason`. */
async function startFailingPipeline(labPage: Page, fault: LabFault, reason: string): Promise<void> {
  await labPage.evaluate(() => window.effectsLab.useCamera(640, 480, 30));
  await labPage.evaluate(
    (engineFault) => window.effectsLab.startPipeline({ engine: 'litert-wasm', effectKey: 'blur:strong', fault: engineFault }),
    fault,
  );
  const paused = await labPage.evaluate((pauseReason) => window.effectsLab.waitForStatus('paused', 20_000, pauseReason), reason);
  expect(paused.reason).toBe(reason);
}

/** The next `count` output frames are all neutral: no camera frame gets out. */
async function expectOnlyNeutralFrames(labPage: Page, count: number): Promise<void> {
  const watched = await labPage.evaluate((frames) => window.effectsLab.watchOutput(frames), count);
  expect(watched.frames).toBe(count);
  expect(watched.nonNeutral).toBe(0);
}

test('an engine that throws mid-call pauses the output with neutral frames, never camera frames', async ({ labPage }) => {
  await startFailingPipeline(labPage, 'throws-after-frames', 'engine-failed');
  await expectOnlyNeutralFrames(labPage, 6);
  const stats = await labPage.evaluate(() => window.effectsLab.readStats());
  expect(stats.counters.framesProcessed).toBe(10);
  // Ready first (processed frames), then paused for good; on a loaded machine a late heartbeat may add a brief pause between.
  const history = (await labPage.evaluate(() => window.effectsLab.statusHistory())).map((status) => status.state);
  expect(history.slice(0, 2)).toEqual(['starting', 'ready']);
  expect(history.at(-1)).toBe('paused');
});

test('an engine that stops answering is caught by the stall watchdog: neutral frames, status paused', async ({ labPage }) => {
  await startFailingPipeline(labPage, 'hangs-after-frames', 'falling-behind');
  await expectOnlyNeutralFrames(labPage, 3);
});

test('lobby-style preview with the picker: blur and a virtual background (screenshots)', async ({ labPage }) => {
  await labPage.evaluate(() => window.effectsLab.usePicture('fixtures/astronaut.png', 640, 480, 30));
  await labPage.evaluate(() => window.effectsLab.startPipeline({ engine: 'litert-wasm', effectKey: 'blur:strong' }));
  await labPage.evaluate(() => window.effectsLab.waitForStatus('ready', 20_000));
  await labPage.evaluate(() => window.effectsLab.showPreview());

  const group = labPage.getByRole('radiogroup', { name: 'Background' });
  await expect(group.getByRole('radio', { name: 'Strong blur' })).toBeChecked();
  await waitForOutputFrames(labPage);
  await labPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'effects-preview-blur.png') });

  // Keyboard: arrow keys move the choice through the radio group.
  await group.getByRole('radio', { name: 'Strong blur' }).focus();
  await labPage.keyboard.press('ArrowLeft');
  await expect(group.getByRole('radio', { name: 'Light blur' })).toBeChecked();
  await waitForOutputFrames(labPage);
  await labPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'effects-preview-light.png') });
  await labPage.keyboard.press('ArrowRight');
  await labPage.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: 'Dusk hills' })).toBeChecked();
  await waitForOutputFrames(labPage);
  await labPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'effects-preview-dusk.png') });
  await expect(labPage.getByRole('status')).toHaveText('Effect status: ready');
});
