/**
 * The GPU engine (MediaPipe on WebGL, in its worker) forced on, under the
 * software WebGL 2 this machine has (SwiftShader): slow, but its masks must
 * be right. The start-up probe skips it here (effects-quality.spec.ts); on
 * a machine with a real GPU the same code is what the probe measures.
 */
import { expect, test } from './harness/effects-fixtures';
import { decodeLabFrame, laplacianVariance, maskMean, maskRegion, type RgbaPicture } from './harness/image-detail';
import { SEGMENTATION_PICTURES } from './harness/segmentation-pictures';

/** The pipeline's neutral frame is one flat colour; a composited photo never is. */
function isSolidFill(picture: RgbaPicture): boolean {
  for (let i = 4; i < picture.rgba.length; i += 4) {
    for (let c = 0; c < 3; c += 1) if (picture.rgba[i + c] !== picture.rgba[c]) return false;
  }
  return true;
}

/** Share of mask cells on which two masks agree (person or not, at 0.5). */
function agreement(a: { values: number[] }, b: { values: number[] }): number {
  let same = 0;
  for (let i = 0; i < a.values.length; i += 1) if (a.values[i]! > 0.5 === b.values[i]! > 0.5) same += 1;
  return same / a.values.length;
}

for (const picture of SEGMENTATION_PICTURES) {
  test(`GPU engine: the mask of ${picture.file} covers the person, not the corners, like the CPU engine's`, async ({ labPage }) => {
    const url = `fixtures/${picture.file}`;
    const gpu = await labPage.evaluate((source) => window.effectsLab.segmentPicture('mediapipe-webgl', source), url);
    expect([gpu.width, gpu.height]).toEqual([256, 144]);
    for (const box of picture.person) expect(maskMean(gpu, box), box.name).toBeGreaterThan(0.8);
    for (const box of picture.corners) expect(maskMean(gpu, box), box.name).toBeLessThan(0.1);
    // The same model on another runtime: the two masks should hardly differ.
    const cpu = await labPage.evaluate((source) => window.effectsLab.segmentPicture('litert-wasm', source), url);
    expect(agreement(gpu, cpu)).toBeGreaterThan(0.97);
  });
}

test('GPU engine in the pipeline worker: processes frames and blurs the background, not the person', async ({ labPage }) => {
  const url = 'fixtures/astronaut.png';
  // Person and background regions from the CPU engine's mask: an independent reference, and quicker to get.
  const mask = await labPage.evaluate((source) => window.effectsLab.segmentPicture('litert-wasm', source), url);
  await labPage.evaluate((source) => window.effectsLab.usePicture(source, 640, 480, 15), url);
  await labPage.evaluate(() => window.effectsLab.startPipeline({ engine: 'mediapipe-webgl', effectKey: 'blur:strong' }));
  await labPage.evaluate(() => window.effectsLab.waitForStatus('ready', 20_000));
  await expect
    .poll(async () => (await labPage.evaluate(() => window.effectsLab.readStats())).counters.framesProcessed, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(6);

  const stats = await labPage.evaluate(() => window.effectsLab.readStats());
  const history = await labPage.evaluate(() => window.effectsLab.statusHistory());
  expect(history.filter((status) => status.state === 'error' || status.reason === 'engine-failed')).toEqual([]);
  const perFrame = [...stats.timings.segmentation].sort((a, b) => a - b);
  console.log(
    `GPU engine under software WebGL: load ${Math.round(stats.loadMs ?? 0)} ms, segmentation median ` +
      `${Math.round(perFrame[Math.floor(perFrame.length / 2)]!)} ms over ${perFrame.length} frames`,
  );

  // A processed frame: at 100+ ms a frame the stall watchdog may slip in a neutral one on a busy machine.
  const grabOutput = async (): Promise<RgbaPicture> => decodeLabFrame(await labPage.evaluate(() => window.effectsLab.grabFrame('output')));
  let output = await grabOutput();
  for (let tries = 0; tries < 5 && isSolidFill(output); tries += 1) output = await grabOutput();
  expect(isSolidFill(output), 'only neutral frames came out').toBe(false);
  const input = decodeLabFrame(await labPage.evaluate(() => window.effectsLab.grabFrame('input')));
  const person = maskRegion(mask, output, (value) => value > 0.9, 3);
  const background = maskRegion(mask, output, (value) => value < 0.1, 3);
  expect(laplacianVariance(output, background) / laplacianVariance(input, background)).toBeLessThan(0.15);
  expect(laplacianVariance(output, person) / laplacianVariance(input, person)).toBeGreaterThan(0.85);
});
