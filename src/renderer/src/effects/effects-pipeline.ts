/**
 * Page side of the effects pipeline: reads the camera track as frames,
 * hands the frame stream and an output stream to the engine's worker, and
 * exposes the output as a track to preview and send. The camera track
 * itself is never part of the output: the output track only carries what
 * the worker writes (composited or neutral frames).
 */
import type {} from './insertable-streams';
import { createEngineWorker, effectsAssetsBaseUrl, type WorkerFactory } from './engine-workers';
import type { EngineId } from './engines/segmentation-engine';
import { DEFAULT_WATCHDOG_MS, PipelineHealth, type EffectsStatus } from './pipeline-health';
import type { PageToWorker, PipelineCounters, PipelineTimings, WorkerToPage } from './pipeline-messages';
import type { RenderEffect } from './render-effect';

export interface EffectsPipelineOptions {
  /** The camera track; the pipeline reads a clone and never stops the original. */
  cameraTrack: MediaStreamTrack;
  engine: EngineId;
  effect: RenderEffect;
  background: ImageBitmap | null;
  onStatus?: (status: EffectsStatus) => void;
  /** Replaces the engine's worker, e.g. with an instrumented one in tests. */
  createWorker?: WorkerFactory;
  assetsBaseUrl?: string;
  watchdogMs?: number;
}

export interface PipelineStats {
  timings: PipelineTimings;
  counters: PipelineCounters;
  loadMs: number | null;
  firstFrameMs: number | null;
}

export function supportsEffectsPipeline(): boolean {
  return typeof MediaStreamTrackProcessor === 'function' && typeof MediaStreamTrackGenerator === 'function';
}

export class EffectsPipeline {
  /** The processed video: preview it, and send it instead of the camera track. */
  readonly track: MediaStreamTrack;
  private readonly worker: Worker;
  private readonly source: MediaStreamTrack;
  private readonly generator: MediaStreamTrackGenerator;
  private readonly health: PipelineHealth;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private readonly statsRequests = new Map<number, (stats: PipelineStats) => void>();
  private nextRequestId = 0;
  private loadMs: number | null = null;
  private firstFrameMs: number | null = null;
  private disposed = false;

  constructor(private readonly options: EffectsPipelineOptions) {
    if (!supportsEffectsPipeline()) {
      throw new Error('This browser cannot process camera frames (MediaStreamTrackProcessor is missing).');
    }
    if (options.cameraTrack.kind !== 'video') throw new Error('The effects pipeline needs a video track.');
    this.source = options.cameraTrack.clone();
    const processor = new MediaStreamTrackProcessor({ track: this.source, maxBufferSize: 1 });
    this.generator = new MediaStreamTrackGenerator({ kind: 'video' });
    this.track = this.generator;
    this.health = new PipelineHealth(performance.now(), options.watchdogMs ?? DEFAULT_WATCHDOG_MS);
    this.worker = (options.createWorker ?? createEngineWorker)(options.engine);
    this.worker.onmessage = (event: MessageEvent<WorkerToPage>) => this.onWorkerMessage(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.onWorkerMessage({ type: 'failed', detail: `The effects worker crashed: ${event.message || 'unknown error'}` });
    };
    const start: PageToWorker = {
      type: 'start',
      engine: options.engine,
      assetsBaseUrl: options.assetsBaseUrl ?? effectsAssetsBaseUrl(),
      frames: processor.readable,
      output: this.generator.writable,
      effect: options.effect,
      background: options.background,
    };
    this.worker.postMessage(start, [processor.readable, this.generator.writable, ...(options.background ? [options.background] : [])]);
    this.watchdog = setInterval(() => {
      if (this.health.check(performance.now())) this.options.onStatus?.(this.health.status);
    }, 250);
    options.onStatus?.(this.health.status);
  }

  get status(): EffectsStatus {
    return this.health.status;
  }

  /** Switches the effect without touching the track (so no renegotiation). The bitmap is transferred. */
  setEffect(effect: RenderEffect, background: ImageBitmap | null): void {
    if (this.disposed) return;
    this.post({ type: 'effect', effect, background }, background ? [background] : []);
  }

  /** Timings and counters from the worker (for the benchmark and diagnostics). */
  readStats(): Promise<PipelineStats> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.statsRequests.set(requestId, resolve);
      this.post({ type: 'read-stats', requestId });
    });
  }

  resetStats(): void {
    this.post({ type: 'reset-stats' });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearInterval(this.watchdog);
    this.post({ type: 'stop' });
    // Let the worker close its streams, then make sure it is gone.
    setTimeout(() => this.worker.terminate(), 500);
    this.generator.stop();
    this.source.stop();
  }

  private post(message: PageToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private onWorkerMessage(message: WorkerToPage): void {
    if (message.type === 'loaded') this.loadMs = message.loadMs;
    if (message.type === 'first-frame') this.firstFrameMs = message.msSinceStart;
    if (message.type === 'stats') {
      const resolve = this.statsRequests.get(message.requestId);
      this.statsRequests.delete(message.requestId);
      resolve?.({ timings: message.timings, counters: message.counters, loadMs: this.loadMs, firstFrameMs: this.firstFrameMs });
    }
    if (this.disposed) return;
    if (this.health.onMessage(message, performance.now())) this.options.onStatus?.(this.health.status);
  }
}
