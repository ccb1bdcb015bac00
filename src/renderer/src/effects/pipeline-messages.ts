/**
 * Messages between the page and the effects worker. Both ends are our own
 * code in one bundle, so these are plain types rather than schemas.
 */
import type { EngineId } from './engines/segmentation-engine';
import type { RenderEffect } from './render-effect';

export type PauseReason = 'engine-failed' | 'falling-behind' | 'worker-unresponsive' | 'not-started';

export type PageToWorker =
  | {
      type: 'start';
      engine: EngineId;
      assetsBaseUrl: string;
      frames: ReadableStream<VideoFrame>;
      output: WritableStream<VideoFrame>;
      effect: RenderEffect;
      background: ImageBitmap | null;
    }
  | { type: 'effect'; effect: RenderEffect; background: ImageBitmap | null }
  | { type: 'read-stats'; requestId: number }
  | { type: 'reset-stats' }
  | { type: 'stop' };

/** Per-frame timings in milliseconds, kept by the worker for the benchmark. */
export interface PipelineTimings {
  segmentation: number[];
  composite: number[];
  total: number[];
}

export interface PipelineCounters {
  framesIn: number;
  framesProcessed: number;
  framesNeutral: number;
  framesDropped: number;
}

export type WorkerToPage =
  | { type: 'loaded'; loadMs: number }
  | { type: 'first-frame'; msSinceStart: number }
  /** Sent every few hundred milliseconds; its absence means the worker is stuck. */
  | { type: 'heartbeat'; processing: boolean; counters: PipelineCounters }
  | { type: 'paused'; reason: PauseReason; detail: string }
  | { type: 'resumed' }
  | { type: 'failed'; detail: string }
  | { type: 'stats'; requestId: number; timings: PipelineTimings; counters: PipelineCounters };
