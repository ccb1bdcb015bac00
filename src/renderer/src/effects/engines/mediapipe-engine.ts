/**
 * The GPU engine: body-segmentation's `mediapipe` runtime, which runs the
 * same selfie model through MediaPipe's WebGL graph (files from
 * @mediapipe/selfie_segmentation, shipped in the build). Fast on a real
 * GPU; under a software GL (SwiftShader) it takes 200+ ms a frame, so the
 * start-up probe only picks it where it measures faster than the CPU engine.
 */
import { SupportedModels, createSegmenter, type BodySegmenter } from '@tensorflow-models/body-segmentation';
import { MEDIAPIPE_SOLUTION_DIR, servedMediapipeName } from '../effects-asset-files';
import { solutionWasmModule } from './mediapipe-solution-shim';
import type { EngineLoader, SegmentationEngine } from './segmentation-engine';

const WIDTH = 256;
const HEIGHT = 144;

class MediapipeEngine implements SegmentationEngine {
  readonly id = 'mediapipe-webgl' as const;
  readonly inputWidth = WIDTH;
  readonly inputHeight = HEIGHT;
  private readonly readback = new OffscreenCanvas(WIDTH, HEIGHT);
  private readonly readbackContext: OffscreenCanvasRenderingContext2D;
  private readonly mask = new Float32Array(WIDTH * HEIGHT);

  constructor(private readonly segmenter: BodySegmenter) {
    const context = this.readback.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('No 2D context for reading the mask back.');
    this.readbackContext = context;
  }

  async segment(input: OffscreenCanvas): Promise<Float32Array> {
    const [person] = await this.segmenter.segmentPeople(input as unknown as HTMLCanvasElement);
    const mask = this.mask;
    if (!person) {
      mask.fill(0);
      return mask;
    }
    const image = await person.mask.toCanvasImageSource();
    this.readbackContext.clearRect(0, 0, WIDTH, HEIGHT);
    this.readbackContext.drawImage(image, 0, 0, WIDTH, HEIGHT);
    // In a worker the mask is a fresh ImageBitmap every frame: free its GPU memory now.
    if (image instanceof ImageBitmap) image.close();
    const pixels = this.readbackContext.getImageData(0, 0, WIDTH, HEIGHT).data;
    // MediaPipe puts the person probability in the red channel of its mask texture.
    for (let i = 0, j = 0; i < mask.length; i += 1, j += 4) mask[i] = pixels[j]! / 255;
    return mask;
  }

  dispose(): void {
    this.segmenter.dispose();
  }
}

/** The solution's wasm loader script; SIMD is in every Chromium Cam-Party runs on. */
const SIMD_LOADER = 'selfie_segmentation_solution_simd_wasm_bin.js';

/**
 * Where MediaPipe finds each file. In a worker, the solution script
 * importScripts() every file of its list, the .tflite model included
 * (which is not a script), and fetches the model again later through this
 * same function with an empty prefix. So a model request with a non-empty
 * prefix (the import) gets the loader script again (importing it twice is
 * harmless), and the real fetch gets the model.
 */
export function mediapipeFileUrl(solutionUrl: URL, file: string, prefix: string | undefined): string {
  const name = file.endsWith('.tflite') && prefix ? SIMD_LOADER : servedMediapipeName(file);
  return new URL(name, solutionUrl).href;
}

export const loadMediapipeEngine: EngineLoader = async ({ baseUrl }) => {
  const solutionUrl = new URL(MEDIAPIPE_SOLUTION_DIR, baseUrl);
  // In a worker, the solution instantiates its wasm with the global `Module`.
  (globalThis as { Module?: unknown }).Module = solutionWasmModule((file) => new URL(servedMediapipeName(file), solutionUrl).href);
  const segmenter = await createSegmenter(SupportedModels.MediaPipeSelfieSegmentation, {
    runtime: 'mediapipe',
    modelType: 'landscape',
    locateFile: (file: string, prefix?: string) => mediapipeFileUrl(solutionUrl, file, prefix),
  });
  return new MediapipeEngine(segmenter);
};
