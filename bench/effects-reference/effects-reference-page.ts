/**
 * The effects benchmark's reference: `@tensorflow-models/body-segmentation`
 * with the MediaPipe selfie model (its `mediapipe` runtime, the solution's
 * files served from the `@mediapipe/selfie_segmentation` npm package on this
 * origin: no npm package ships the model for its `tfjs` runtime), and the
 * blur composited the plain Canvas2D way on the main thread: the frame
 * blurred with `ctx.filter`, the person cut out with the mask and
 * `globalCompositeOperation`, drawn on top. Per frame of the 640x480 fake
 * camera: segmentation, composite and total time.
 */
import * as bodySegmentation from '@tensorflow-models/body-segmentation';

const video = document.querySelector('video')!;
const output = document.querySelector('canvas')!;
const outputContext = output.getContext('2d')!;
const person = new OffscreenCanvas(640, 480);
const personContext = person.getContext('2d')!;

const timings = { segmentation: [] as number[], composite: [] as number[], total: [] as number[] };
let running = false;
let windowStartedAt = 0;
let framesProcessed = 0;

async function processFrame(segmenter: bodySegmentation.BodySegmenter, blurPx: number): Promise<void> {
  const started = performance.now();
  const people = await segmenter.segmentPeople(video);
  const segmented = performance.now();
  const { videoWidth: width, videoHeight: height } = video;
  // Background: the whole frame, blurred.
  outputContext.globalCompositeOperation = 'copy';
  outputContext.filter = `blur(${blurPx}px)`;
  outputContext.drawImage(video, 0, 0, width, height);
  outputContext.filter = 'none';
  // Person: the mask's alpha keeps the sharp frame where the model sees a person.
  const mask = people[0] ? await people[0].mask.toCanvasImageSource() : null;
  if (mask) {
    personContext.globalCompositeOperation = 'copy';
    personContext.drawImage(mask, 0, 0, width, height);
    personContext.globalCompositeOperation = 'source-in';
    personContext.drawImage(video, 0, 0, width, height);
    outputContext.globalCompositeOperation = 'source-over';
    outputContext.drawImage(person, 0, 0);
  }
  const done = performance.now();
  timings.segmentation.push(segmented - started);
  timings.composite.push(done - segmented);
  timings.total.push(done - started);
  framesProcessed += 1;
}

const effectsReference = {
  /** Opens the camera and the segmenter; resolves to the load time in ms. */
  async start(blurPx: number): Promise<number> {
    video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, frameRate: 30 } });
    await video.play();
    const started = performance.now();
    const segmenter = await bodySegmentation.createSegmenter(bodySegmentation.SupportedModels.MediaPipeSelfieSegmentation, {
      runtime: 'mediapipe',
      solutionPath: new URL('./mediapipe', location.href).href,
      modelType: 'general',
    });
    await segmenter.segmentPeople(video);
    const loadMs = performance.now() - started;
    running = true;
    // One frame at a time, each new camera frame as it arrives (frames that come while one is processed are dropped).
    const onFrame = (): void => {
      if (!running) return;
      void processFrame(segmenter, blurPx).then(() => video.requestVideoFrameCallback(onFrame));
    };
    video.requestVideoFrameCallback(onFrame);
    return loadMs;
  },
  resetStats(): void {
    for (const list of Object.values(timings)) list.length = 0;
    framesProcessed = 0;
    windowStartedAt = performance.now();
  },
  readStats() {
    return { timings, framesProcessed, seconds: (performance.now() - windowStartedAt) / 1000 };
  },
  stop(): void {
    running = false;
  },
};
Object.assign(window, { effectsReference });
export type EffectsReferenceApi = typeof effectsReference;
