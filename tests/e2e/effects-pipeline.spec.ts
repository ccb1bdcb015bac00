/**
 * The effects pipeline in Chromium, with the real worker, engine and
 * compositor: it outputs processed frames, switches effects on the same
 * track, and never lets a camera frame through when the engine breaks.
 */
import path from 'node:path';
import { SCREENSHOT_DIR } from './harness/call-world';
import { expect, test } from './harness/effects-fixtures';
import { decodeLabFrame } from './harness/image-detail';

test('blur on the fake camera: the output track carries processed 640x480 frames', async ({ labPage }) => {
  await labPage.evaluate(() => window.effectsLab.useCamera(640, 480, 30));
  await labPage.evaluate(() => window.effectsLab.startPipeline({ engine: 'litert-wasm', effectKey: 'blur:strong' }));
  await labPage.evaluate(() => window.effectsLab.waitForStatus('ready', 20_000));

  const watched = await labPage.evaluate(() => window.effectsLab.watchOutput(1500));
  expect(watched.frames).toBeGreaterThanOrEqual(10);
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
  await labPage.waitForTimeout(500);

  const output = decodeLabFrame(await labPage.evaluate(() => window.effectsLab.grabFrame('output')));
  // The dusk scene's sky starts at #2b2d5c; the fake camera is nothing like it.
  const [r, g, b] = [0, 1, 2].map((channel) => output.rgba[(10 * output.width + 320) * 4 + channel]!);
  expect(Math.abs(r! - 0x2b)).toBeLessThan(16);
  expect(Math.abs(g! - 0x2d)).toBeLessThan(16);
  expect(Math.abs(b! - 0x5c)).toBeLessThan(16);
  expect((await labPage.evaluate(() => window.effectsLab.status())).state).toBe('ready');
});

test('an engine that throws mid-call pauses the output with neutral frames, never camera frames', async ({ labPage }) => {
  await labPage.evaluate(() => window.effectsLab.useCamera(640, 480, 30));
  await labPage.evaluate(() =>
    window.effectsLab.startPipeline({ engine: 'litert-wasm', effectKey: 'blur:strong', fault: 'throws-after-frames' }),
  );
  const paused = await labPage.evaluate(() => window.effectsLab.waitForStatus('paused', 20_000, 'engine-failed'));
  expect(paused.reason).toBe('engine-failed');

  const watched = await labPage.evaluate(() => window.effectsLab.watchOutput(1500));
  expect(watched.frames).toBeGreaterThan(5);
  expect(watched.nonNeutral).toBe(0);
  const stats = await labPage.evaluate(() => window.effectsLab.readStats());
  expect(stats.counters.framesProcessed).toBe(10);
  // Ready first (processed frames), then paused for good; on a loaded machine a late heartbeat may add a brief pause between.
  const history = (await labPage.evaluate(() => window.effectsLab.statusHistory())).map((status) => status.state);
  expect(history.slice(0, 2)).toEqual(['starting', 'ready']);
  expect(history.at(-1)).toBe('paused');
});

test('an engine that stops answering is caught by the stall watchdog: neutral frames, status paused', async ({ labPage }) => {
  await labPage.evaluate(() => window.effectsLab.useCamera(640, 480, 30));
  await labPage.evaluate(() =>
    window.effectsLab.startPipeline({ engine: 'litert-wasm', effectKey: 'blur:strong', fault: 'hangs-after-frames' }),
  );
  const paused = await labPage.evaluate(() => window.effectsLab.waitForStatus('paused', 20_000, 'falling-behind'));
  expect(paused.reason).toBe('falling-behind');

  const watched = await labPage.evaluate(() => window.effectsLab.watchOutput(1500));
  expect(watched.frames).toBeGreaterThanOrEqual(3);
  expect(watched.nonNeutral).toBe(0);
});

test('lobby-style preview with the picker: blur and a virtual background (screenshots)', async ({ labPage }) => {
  await labPage.evaluate(() => window.effectsLab.usePicture('fixtures/astronaut.png', 640, 480, 30));
  await labPage.evaluate(() => window.effectsLab.startPipeline({ engine: 'litert-wasm', effectKey: 'blur:strong' }));
  await labPage.evaluate(() => window.effectsLab.waitForStatus('ready', 20_000));
  await labPage.evaluate(() => window.effectsLab.showPreview());

  const group = labPage.getByRole('radiogroup', { name: 'Background' });
  await expect(group.getByRole('radio', { name: 'Strong blur' })).toBeChecked();
  await labPage.waitForTimeout(800);
  await labPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'effects-preview-blur.png') });

  // Keyboard: arrow keys move the choice through the radio group.
  await group.getByRole('radio', { name: 'Strong blur' }).focus();
  await labPage.keyboard.press('ArrowLeft');
  await expect(group.getByRole('radio', { name: 'Light blur' })).toBeChecked();
  await labPage.waitForTimeout(800);
  await labPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'effects-preview-light.png') });
  await labPage.keyboard.press('ArrowRight');
  await labPage.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: 'Dusk hills' })).toBeChecked();
  await labPage.waitForTimeout(800);
  await labPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'effects-preview-dusk.png') });
  await expect(labPage.getByRole('status')).toHaveText('Effect status: ready');
});
