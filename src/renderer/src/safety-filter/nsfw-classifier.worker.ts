/**
 * The classifier worker: nsfwjs's MobileNetV2 on TF.js's WebAssembly
 * backend. The model's weights and the .wasm binaries are part of the app
 * build (bundled chunks and emitted assets), so loading makes no request
 * beyond the app's own origin, and no frame ever leaves this worker except
 * back to the page.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { load as loadNsfw, type NSFWJS } from 'nsfwjs/core';
import { MobileNetV2Model } from 'nsfwjs/models/mobilenet_v2';
import { scoresFromPredictions } from './class-scores';
import { toClassifierSchema, type FromClassifier } from './classifier-messages';
import { CLASSIFIER_FRAME_SIZE as MODEL_INPUT_SIZE } from './frame-classifier';

/** The worker's global scope; the renderer's TS config types the DOM, not workers. */
const scope = globalThis as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};

const workerStartedAt = performance.now();

function post(message: FromClassifier, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface LoadedModel {
  nsfw: NSFWJS;
  simd: boolean;
}

async function loadModel(): Promise<LoadedModel> {
  // nsfwjs/core takes a global `model` (or weight shard) over the bundled one if it finds it.
  // A worker has no DOM ids that could create one, but refuse rather than load something else.
  for (const name of ['model', 'group1_shard1of1']) {
    if (name in globalThis) throw new Error(`Refusing to load: a global named "${name}" would replace the bundled model`);
  }
  // Threads need cross-origin isolation, which the app does not have; on two cores they would
  // also break the one-core budget. The threaded binary is therefore never fetched.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdWasmUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': simdWasmUrl,
  });
  // setBackend resolves false (it does not throw) when WebAssembly cannot compile, e.g. under a
  // CSP without 'wasm-unsafe-eval'; TF.js would then quietly use a much slower backend.
  const ready = await tf.setBackend('wasm');
  if (!ready || tf.getBackend() !== 'wasm') {
    throw new Error("TF.js's WebAssembly backend did not start (is 'wasm-unsafe-eval' in the CSP?)");
  }
  const nsfw = await loadNsfw('MobileNetV2', { modelDefinitions: [MobileNetV2Model] });
  return { nsfw, simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) };
}

let model: Promise<LoadedModel> | null = null;
const canvas = new OffscreenCanvas(MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
const context = canvas.getContext('2d', { willReadFrequently: true });

async function classify(id: number, frame: ImageBitmap): Promise<void> {
  try {
    if (!model) throw new Error('The classifier was asked to classify before loading');
    if (!context) throw new Error('No 2D context in the worker');
    const { nsfw } = await model;
    // The whole frame, scaled (crops raise false alarms on benign close-ups).
    context.drawImage(frame, 0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
    const pixels = context.getImageData(0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
    const started = performance.now();
    const predictions = await nsfw.classify(pixels, 5);
    const inferenceMs = performance.now() - started;
    post({ kind: 'classified', id, scores: scoresFromPredictions(predictions), inferenceMs, frame }, [frame]);
  } catch (error) {
    frame.close();
    post({ kind: 'classify-failed', id, message: describe(error) });
  }
}

scope.addEventListener('message', (event) => {
  const parsed = toClassifierSchema.safeParse(event.data);
  if (!parsed.success) {
    // Not ours to keep: close anything transferable that came with a malformed message.
    if (event.data && typeof event.data === 'object' && 'frame' in event.data && event.data.frame instanceof ImageBitmap) {
      event.data.frame.close();
    }
    return;
  }
  const message = parsed.data;
  if (message.kind === 'load') {
    model ??= loadModel();
    model.then(
      ({ simd }) => post({ kind: 'loaded', loadMs: performance.now() - workerStartedAt, backend: tf.getBackend(), simd }),
      (error: unknown) => post({ kind: 'load-failed', message: describe(error) }),
    );
    return;
  }
  void classify(message.id, message.frame);
});
