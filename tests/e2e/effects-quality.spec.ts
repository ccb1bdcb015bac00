/**
 * Segmentation quality on still photos with people (tests/fixtures/images,
 * public domain and CC0), and what blur does to detail: the background
 * loses it, the person keeps it.
 */
import { expect, test } from './harness/effects-fixtures';
import { decodeLabFrame, laplacianVariance, maskMean, maskRegion } from './harness/image-detail';
import { SEGMENTATION_PICTURES } from './harness/segmentation-pictures';

for (const picture of SEGMENTATION_PICTURES) {
  test(`CPU engine: the mask of ${picture.file} covers the person, not the corners`, async ({ labPage }) => {
    const mask = await labPage.evaluate((url) => window.effectsLab.segmentPicture('litert-wasm', url), `fixtures/${picture.file}`);
    expect([mask.width, mask.height]).toEqual([256, 144]);
    for (const box of picture.person) expect(maskMean(mask, box), box.name).toBeGreaterThan(0.8);
    for (const box of picture.corners) expect(maskMean(mask, box), box.name).toBeLessThan(0.1);
  });
}

test('blur removes fine detail from the background and keeps it on the person', async ({ labPage }) => {
  const url = 'fixtures/astronaut.png';
  const mask = await labPage.evaluate((picture) => window.effectsLab.segmentPicture('litert-wasm', picture), url);
  await labPage.evaluate((picture) => window.effectsLab.usePicture(picture, 640, 480, 30), url);
  await labPage.evaluate(() => window.effectsLab.startPipeline({ engine: 'litert-wasm', effectKey: 'blur:strong' }));
  await labPage.evaluate(() => window.effectsLab.waitForStatus('ready', 20_000));
  // Let the temporal smoothing settle on the still picture: a second's worth of processed frames.
  const processed = async (): Promise<number> => (await labPage.evaluate(() => window.effectsLab.readStats())).counters.framesProcessed;
  const settledAt = (await processed()) + 30;
  await expect.poll(processed).toBeGreaterThanOrEqual(settledAt);

  const input = decodeLabFrame(await labPage.evaluate(() => window.effectsLab.grabFrame('input')));
  const output = decodeLabFrame(await labPage.evaluate(() => window.effectsLab.grabFrame('output')));
  // Regions well inside the person and well inside the background (eroded by 3 mask cells).
  const person = maskRegion(mask, output, (value) => value > 0.9, 3);
  const background = maskRegion(mask, output, (value) => value < 0.1, 3);

  const backgroundKept = laplacianVariance(output, background) / laplacianVariance(input, background);
  const personKept = laplacianVariance(output, person) / laplacianVariance(input, person);
  expect(backgroundKept).toBeLessThan(0.15);
  expect(personKept).toBeGreaterThan(0.85);
});

test('the start-up probe measures the CPU engine and skips the GPU engine under software WebGL', async ({ labPage }) => {
  const measurements = (await labPage.evaluate(() => window.effectsLab.probeEngines())) as Array<{
    engine: string;
    medianMs: number | null;
    note?: string;
  }>;
  const cpu = measurements.find((entry) => entry.engine === 'litert-wasm');
  const gpu = measurements.find((entry) => entry.engine === 'mediapipe-webgl');
  expect(cpu?.medianMs).toBeGreaterThan(0);
  expect(gpu?.medianMs).toBeNull();
  expect(gpu?.note).toMatch(/SwiftShader/i);
});
