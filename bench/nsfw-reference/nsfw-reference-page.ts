/**
 * The filter benchmark's reference: NSFWJS as its README shows it, on the
 * page's main thread: `nsfwjs.load()` (the MobileNetV2 model bundled in the
 * npm package, nothing fetched), then `model.classify(video)` on the fake
 * camera, one classification after another. TF.js picks its own default
 * backend; the page says which.
 */
import * as tf from '@tensorflow/tfjs';
import * as nsfwjs from 'nsfwjs';

const video = document.querySelector('video')!;
let model: nsfwjs.NSFWJS | null = null;

const nsfwReference = {
  /** Opens the camera and loads the model; resolves to the load time in ms. */
  async load(): Promise<number> {
    video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, frameRate: 30 } });
    await video.play();
    const started = performance.now();
    model = await nsfwjs.load();
    return performance.now() - started;
  },
  backend: (): string => tf.getBackend(),
  /** Classifies the camera back to back for `ms`; each classification's wall time in ms. */
  async classifyFor(ms: number): Promise<number[]> {
    if (!model) throw new Error('Load the model first');
    const durations: number[] = [];
    const endAt = performance.now() + ms;
    while (performance.now() < endAt) {
      const started = performance.now();
      await model.classify(video);
      durations.push(performance.now() - started);
      // Let the page paint between classifications, as a page using it would.
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return durations;
  },
};
Object.assign(window, { nsfwReference });
export type NsfwReferenceApi = typeof nsfwReference;
