/**
 * What the effects test page offers the tests and the benchmark through
 * `window.effectsLab`. Types only, shared by the page and the Node side.
 */
export type LabEngine = 'litert-wasm' | 'mediapipe-webgl';
/** Instrumented workers for the privacy tests: the real pipeline with an engine that breaks. */
export type LabFault = 'throws-after-frames' | 'hangs-after-frames';

export interface LabPipelineOptions {
  engine: LabEngine;
  /** An effect key as the picker uses them, e.g. "blur:strong" or "background:dusk". */
  effectKey: string;
  /** Frames are processed normally for FAULT_AFTER_FRAMES, then the engine breaks. */
  fault?: LabFault;
}

export interface LabStatus {
  state: string;
  reason?: string;
  detail?: string;
}

export interface LabFrame {
  width: number;
  height: number;
  /** RGBA, base64, to keep the page→Node transfer small. */
  rgbaBase64: string;
}

export interface LabStats {
  timings: { segmentation: number[]; composite: number[]; total: number[] };
  counters: { framesIn: number; framesProcessed: number; framesNeutral: number; framesDropped: number };
  loadMs: number | null;
  firstFrameMs: number | null;
  /** MediaStreamTrack stats of the output track, if the browser has them. */
  outputTotalFrames: number | null;
}

export interface LabMask {
  width: number;
  height: number;
  values: number[];
}

export interface EffectsLabApi {
  /** The fake camera at the given size and frame rate. */
  useCamera(width: number, height: number, frameRate: number): Promise<void>;
  /** A track that shows a still picture (redrawn at the frame rate, stretched to the size). */
  usePicture(url: string, width: number, height: number, frameRate: number): Promise<void>;
  startPipeline(options: LabPipelineOptions): Promise<void>;
  setEffect(effectKey: string): Promise<void>;
  /** Waits for a status (and, for "paused", optionally a reason); rejects after `timeoutMs`. */
  waitForStatus(state: string, timeoutMs: number, reason?: string): Promise<LabStatus>;
  status(): LabStatus;
  statusHistory(): LabStatus[];
  /** The next frame of the output track (or of the input track, for comparisons). */
  grabFrame(which: 'output' | 'input'): Promise<LabFrame>;
  /** Watches the next `frameCount` output frames (fewer if the track ends): how many were the neutral colour. */
  watchOutput(frameCount: number): Promise<{ frames: number; neutral: number; nonNeutral: number }>;
  readStats(): Promise<LabStats>;
  resetStats(): Promise<void>;
  stopPipeline(): Promise<void>;
  /** Runs an engine once on a picture (stretched to the model input, as the pipeline does). */
  segmentPicture(engine: LabEngine, url: string): Promise<LabMask>;
  /** Plays the output in a <video>, as the lobby preview would (the benchmark's consumer). */
  attachOutputVideo(): Promise<void>;
  /** Shows the picker and a preview of the output track, for screenshots. */
  showPreview(): Promise<void>;
  /** Engine the start-up probe picks here, with its measurements. */
  probeEngines(): Promise<unknown>;
}
