/**
 * The CPU engine: MediaPipe's landscape selfie model (.tflite, 256x144 RGB
 * in, one person-probability channel out) run by LiteRT's WebAssembly
 * runtime (XNNPack, SIMD). Measured here at about 8 ms a frame on one core,
 * which is why it is the default on machines without a fast GPU.
 */
import { Tensor, loadAndCompile, loadLiteRt, type CompiledModel } from '@litertjs/core';
import { LITERT_WASM_DIR, SELFIE_LANDSCAPE_MODEL } from '../effects-asset-files';
import type { EngineLoader, SegmentationEngine } from './segmentation-engine';

const WIDTH = 256;
const HEIGHT = 144;

function checkShape(what: string, shape: ArrayLike<number>, expected: number[]): void {
  const actual = Array.from(shape);
  if (actual.length !== expected.length || actual.some((value, index) => value !== expected[index])) {
    throw new Error(`The selfie model's ${what} is [${actual.join(', ')}], expected [${expected.join(', ')}].`);
  }
}

class LitertEngine implements SegmentationEngine {
  readonly id = 'litert-wasm' as const;
  readonly inputWidth = WIDTH;
  readonly inputHeight = HEIGHT;
  private readonly rgb = new Float32Array(WIDTH * HEIGHT * 3);
  private readonly mask = new Float32Array(WIDTH * HEIGHT);

  constructor(private readonly model: CompiledModel) {}

  async segment(input: OffscreenCanvas): Promise<Float32Array> {
    const context = input.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('No 2D context for the model input.');
    const pixels = context.getImageData(0, 0, WIDTH, HEIGHT).data;
    const rgb = this.rgb;
    // The model takes RGB scaled to 0..1, like MediaPipe's own graph.
    for (let i = 0, j = 0; i < pixels.length; i += 4, j += 3) {
      rgb[j] = pixels[i]! / 255;
      rgb[j + 1] = pixels[i + 1]! / 255;
      rgb[j + 2] = pixels[i + 2]! / 255;
    }
    const tensor = new Tensor(rgb, [1, HEIGHT, WIDTH, 3]);
    let outputs: Tensor[] = [];
    try {
      outputs = await this.model.run(tensor);
      const output = outputs[0];
      if (!output) throw new Error('The selfie model returned no output.');
      this.mask.set(output.toTypedArray() as Float32Array);
    } finally {
      tensor.delete();
      for (const output of outputs) output.delete();
    }
    return this.mask;
  }

  dispose(): void {
    this.model.delete();
  }
}

export const loadLitertEngine: EngineLoader = async ({ baseUrl }) => {
  const wasmDir = new URL(LITERT_WASM_DIR, baseUrl).href;
  // Emscripten looks for the .wasm next to the script that loaded it (the
  // worker's bundle). LiteRT's loader passes a pre-set global `Module` to the
  // factory, so its locateFile points at the copied files instead.
  (globalThis as { Module?: unknown }).Module = { locateFile: (file: string) => new URL(file, wasmDir).href };
  await loadLiteRt(wasmDir);
  const model = await loadAndCompile(new URL(SELFIE_LANDSCAPE_MODEL, baseUrl).href, { accelerator: 'wasm' });
  const input = model.getInputDetails()[0];
  const output = model.getOutputDetails()[0];
  if (!input || !output) throw new Error('The selfie model has no input or output.');
  checkShape('input', input.shape, [1, HEIGHT, WIDTH, 3]);
  checkShape('output', output.shape, [1, HEIGHT, WIDTH, 1]);
  return new LitertEngine(model);
};
