/**
 * The effects pipeline inside the worker: camera frames in, segmented and
 * composited frames out, with the privacy gate at the only place frames are
 * written. Nothing but a composited picture or a neutral frame ever reaches
 * the output: a camera frame is only ever read, drawn and closed.
 *
 * If the engine fails, frames go out neutral from then on. If a
 * segmentation call hangs (the pipeline falls behind), a timer sends
 * neutral frames until it comes back. If the whole worker is stuck, nothing
 * is written at all and the page's own watchdog (heartbeats) notices.
 */
import type { EngineLoader, SegmentationEngine } from '../engines/segmentation-engine';
import { errorMessage } from '../../../../shared/listeners';
import type { PageToWorker, PauseReason, WorkerToPage } from '../pipeline-messages';
import type { RenderEffect } from '../render-effect';
import { FrameCompositor } from './frame-compositor';
import { MaskRefiner } from './mask-refiner';
import { PipelineStats } from './pipeline-stats';

/** A segmentation call slower than this counts as falling behind. */
export const STALL_MS = 400;
const HEARTBEAT_MS = 200;

export interface WorkerScope {
  postMessage(message: WorkerToPage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<PageToWorker>) => void) | null;
  close(): void;
}

class PipelineRunner {
  private engine: SegmentationEngine | null = null;
  private engineFailed = false;
  private compositor: FrameCompositor | null = null;
  private refiner: MaskRefiner | null = null;
  private effect: RenderEffect = { kind: 'blur', downscale: 8, blurPx: 3 };
  private background: ImageBitmap | null = null;
  private reader: ReadableStreamDefaultReader<VideoFrame> | null = null;
  private writer: WritableStreamDefaultWriter<VideoFrame> | null = null;
  private stopped = false;
  private startedAt = 0;
  private firstFrameSent = false;
  private segmentingSince: number | null = null;
  private pauseReason: PauseReason | null = null;
  private lastTimestamp = 0;
  private lastWriteAt = 0;
  private outputSize = { width: 640, height: 480 };
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private readonly stats = new PipelineStats();

  constructor(
    private readonly scope: WorkerScope,
    private readonly loadEngine: EngineLoader,
  ) {}

  handle(message: PageToWorker): void {
    switch (message.type) {
      case 'start':
        void this.start(message);
        return;
      case 'effect':
        this.setEffect(message.effect, message.background);
        return;
      case 'read-stats':
        this.post({ type: 'stats', requestId: message.requestId, timings: this.stats.timings, counters: { ...this.stats.counters } });
        return;
      case 'reset-stats':
        this.stats.reset();
        return;
      case 'stop':
        this.stop();
        return;
    }
  }

  private post(message: WorkerToPage): void {
    this.scope.postMessage(message);
  }

  private setEffect(effect: RenderEffect, background: ImageBitmap | null): void {
    if (this.background && this.background !== background) this.background.close();
    this.effect = effect;
    this.background = background;
  }

  private async start(message: Extract<PageToWorker, { type: 'start' }>): Promise<void> {
    this.startedAt = performance.now();
    this.setEffect(message.effect, message.background);
    this.reader = message.frames.getReader();
    this.writer = message.output.getWriter();
    this.heartbeat = setInterval(() => this.onHeartbeat(), HEARTBEAT_MS);
    const loading = this.loadEngine({ baseUrl: message.assetsBaseUrl }).then(
      (engine) => {
        if (this.stopped) {
          engine.dispose();
          return;
        }
        this.engine = engine;
        this.compositor = new FrameCompositor(engine.inputWidth, engine.inputHeight);
        this.refiner = new MaskRefiner(engine.inputWidth, engine.inputHeight);
        this.post({ type: 'loaded', loadMs: performance.now() - this.startedAt });
      },
      (error: unknown) => {
        this.engineFailed = true;
        this.compositor = new FrameCompositor(1, 1);
        this.post({ type: 'failed', detail: `The segmentation engine did not load: ${errorMessage(error)}` });
      },
    );
    await loading;
    await this.readFrames();
  }

  private async readFrames(): Promise<void> {
    const reader = this.reader;
    if (!reader) return;
    while (!this.stopped) {
      let result: ReadableStreamReadResult<VideoFrame>;
      try {
        result = await reader.read();
      } catch {
        break;
      }
      if (result.done) break;
      const frame = result.value;
      this.stats.counters.framesIn += 1;
      this.outputSize = { width: frame.displayWidth, height: frame.displayHeight };
      if (this.engineFailed || !this.engine || !this.compositor || !this.refiner) {
        const timestamp = frame.timestamp;
        frame.close();
        await this.writeNeutral(timestamp);
        continue;
      }
      await this.process(frame, this.engine, this.compositor, this.refiner);
    }
  }

  private async process(frame: VideoFrame, engine: SegmentationEngine, compositor: FrameCompositor, refiner: MaskRefiner): Promise<void> {
    const timestamp = frame.timestamp;
    let output: VideoFrame | null = null;
    try {
      const started = performance.now();
      this.segmentingSince = started;
      const mask = await engine.segment(compositor.takeFrame(frame, this.effect));
      this.segmentingSince = null;
      const segmented = performance.now();
      refiner.refine(mask, compositor.maskRgba);
      output = new VideoFrame(compositor.composite(this.effect, this.background), { timestamp });
      const done = performance.now();
      this.stats.recordTimings(started, segmented, done);
    } catch (error) {
      this.segmentingSince = null;
      this.failEngine(error);
    } finally {
      frame.close();
    }
    if (!output) {
      await this.writeNeutral(timestamp);
      return;
    }
    if (this.pauseReason === 'falling-behind') {
      this.pauseReason = null;
      this.post({ type: 'resumed' });
    }
    this.stats.counters.framesProcessed += 1;
    await this.write(output);
    if (!this.firstFrameSent) {
      this.firstFrameSent = true;
      this.post({ type: 'first-frame', msSinceStart: performance.now() - this.startedAt });
    }
  }

  private failEngine(error: unknown): void {
    if (this.engineFailed) return;
    this.engineFailed = true;
    try {
      this.engine?.dispose();
    } catch {
      // Already broken; the neutral frames below are what matters.
    }
    this.engine = null;
    this.pause('engine-failed', `The segmentation engine failed: ${errorMessage(error)}`);
  }

  private pause(reason: PauseReason, detail: string): void {
    if (this.pauseReason === reason) return;
    this.pauseReason = reason;
    this.post({ type: 'paused', reason, detail });
  }

  private onHeartbeat(): void {
    const since = this.segmentingSince;
    if (since !== null && performance.now() - since > STALL_MS) {
      this.pause('falling-behind', 'Segmentation is taking too long; sending a neutral picture.');
      void this.writeNeutral(this.lastTimestamp + (performance.now() - this.lastWriteAt) * 1000);
    }
    this.post({ type: 'heartbeat', processing: this.engine !== null && !this.engineFailed, counters: { ...this.stats.counters } });
  }

  private async writeNeutral(timestamp: number): Promise<void> {
    if (!this.compositor || this.stopped) return;
    const { width, height } = this.outputSize;
    this.stats.counters.framesNeutral += 1;
    await this.write(new VideoFrame(this.compositor.neutralFrame(width, height), { timestamp }));
  }

  private async write(frame: VideoFrame): Promise<void> {
    // Timestamps must rise; a neutral frame squeezed in by the watchdog may be ahead.
    const timestamp = Math.max(frame.timestamp, this.lastTimestamp + 1);
    const stamped = timestamp === frame.timestamp ? frame : new VideoFrame(frame, { timestamp });
    if (stamped !== frame) frame.close();
    this.lastTimestamp = timestamp;
    this.lastWriteAt = performance.now();
    if (!this.writer || this.stopped) {
      stamped.close();
      this.stats.counters.framesDropped += 1;
      return;
    }
    try {
      await this.writer.write(stamped);
    } catch {
      stamped.close();
      this.stats.counters.framesDropped += 1;
    }
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.heartbeat);
    void this.reader?.cancel().catch(() => {});
    void this.writer?.close().catch(() => {});
    this.engine?.dispose();
    this.engine = null;
    this.background?.close();
    this.scope.close();
  }
}

export function runPipelineWorker(scope: WorkerScope, loadEngine: EngineLoader): void {
  const runner = new PipelineRunner(scope, loadEngine);
  scope.onmessage = (event) => runner.handle(event.data);
}
