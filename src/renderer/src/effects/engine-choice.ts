/**
 * Which engine to use, from the start-up probe's measurements. Pure, so
 * the rule is tested on its own. The CPU engine is the safe default; the
 * GPU engine must be clearly faster (it also costs a GPU→CPU readback and
 * competes with video decoding on weak GPUs).
 */
import type { EngineId } from './engines/segmentation-engine';

export interface EngineMeasurement {
  engine: EngineId;
  /** Median total per frame in ms, or null when it failed or was too slow to finish the probe. */
  medianMs: number | null;
  note?: string;
}

/** The GPU engine must be at least this much faster than the CPU engine. */
export const GPU_ADVANTAGE = 0.75;
/** Above this per frame an engine cannot keep 30 fps. */
export const FRAME_BUDGET_MS = 33;

export function chooseEngine(measurements: readonly EngineMeasurement[]): EngineId {
  const cpu = measurements.find((entry) => entry.engine === 'litert-wasm')?.medianMs ?? null;
  const gpu = measurements.find((entry) => entry.engine === 'mediapipe-webgl')?.medianMs ?? null;
  if (gpu === null || gpu > FRAME_BUDGET_MS) return 'litert-wasm';
  if (cpu === null) return 'mediapipe-webgl';
  return gpu <= cpu * GPU_ADVANTAGE ? 'mediapipe-webgl' : 'litert-wasm';
}

/** A software GL (SwiftShader, llvmpipe) cannot run the GPU engine usefully: skip its probe. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}
