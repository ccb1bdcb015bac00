/**
 * What the worker's pipeline did, for the page's heartbeat and the
 * benchmark: how many frames came in and how each left, and the latest
 * timings of each stage.
 */
import type { PipelineCounters, PipelineTimings } from '../pipeline-messages';

/** Timings kept for the benchmark: the latest ones only. */
const TIMING_WINDOW = 3000;

function keep(list: number[], value: number): void {
  list.push(value);
  if (list.length > TIMING_WINDOW) list.splice(0, list.length - TIMING_WINDOW);
}

export class PipelineStats {
  timings: PipelineTimings = { segmentation: [], composite: [], total: [] };
  counters: PipelineCounters = { framesIn: 0, framesProcessed: 0, framesNeutral: 0, framesDropped: 0 };

  /** One processed frame: segmentation from `started` to `segmented`, compositing from there to `done`. */
  recordTimings(started: number, segmented: number, done: number): void {
    keep(this.timings.segmentation, segmented - started);
    keep(this.timings.composite, done - segmented);
    keep(this.timings.total, done - started);
  }

  reset(): void {
    this.timings = { segmentation: [], composite: [], total: [] };
    this.counters = { framesIn: 0, framesProcessed: 0, framesNeutral: 0, framesDropped: 0 };
  }
}
