/**
 * One worker script per engine, so the CPU path does not carry TF.js and
 * MediaPipe. Classic workers (no `type: 'module'`): both runtimes load
 * their wasm glue with importScripts. Written as `new Worker(new URL(…))`
 * so the bundler builds and hashes each worker.
 */
import { EFFECTS_ASSET_DIR } from './effects-asset-files';
import type { EngineId } from './engines/segmentation-engine';

export type WorkerFactory = (engine: EngineId) => Worker;

export const createEngineWorker: WorkerFactory = (engine) => {
  switch (engine) {
    case 'litert-wasm':
      return new Worker(new URL('./worker/litert-pipeline.worker.ts', import.meta.url), { name: 'effects-litert' });
    case 'mediapipe-webgl':
      return new Worker(new URL('./worker/mediapipe-pipeline.worker.ts', import.meta.url), { name: 'effects-mediapipe' });
  }
};

/** Where the build put the model and wasm files, as an absolute URL the worker can fetch. */
export function effectsAssetsBaseUrl(): string {
  return new URL(`${EFFECTS_ASSET_DIR}/`, document.baseURI).href;
}
