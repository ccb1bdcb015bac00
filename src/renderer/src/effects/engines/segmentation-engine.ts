/**
 * What every segmentation engine offers the pipeline: load once, then turn
 * a small RGB picture of the frame into a person-probability mask of the
 * same size. The pipeline does the resizing, smoothing and compositing, so
 * engines stay small and interchangeable.
 */

export const ENGINE_IDS = ['litert-wasm', 'mediapipe-webgl'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

/** Absolute URL of the folder that holds the copied model and wasm files. */
export interface EngineAssets {
  baseUrl: string;
}

export interface SegmentationEngine {
  readonly id: EngineId;
  /** The model's input size; the pipeline hands over pictures of exactly this size. */
  readonly inputWidth: number;
  readonly inputHeight: number;
  /**
   * Person probability, 0..1, one value per pixel of the input size, row by
   * row. The array may be reused by the engine on the next call.
   */
  segment(input: OffscreenCanvas): Promise<Float32Array>;
  dispose(): void;
}

export type EngineLoader = (assets: EngineAssets) => Promise<SegmentationEngine>;
