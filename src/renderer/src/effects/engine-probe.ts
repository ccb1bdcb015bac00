/**
 * The start-up probe: runs the real pipeline for a moment on a synthetic
 * 640x480 picture with each candidate engine and measures the time per
 * frame, then picks one (engine-choice) and remembers it (engine-preference).
 * The GPU engine is not even loaded where WebGL is software-rendered.
 */
import { chooseEngine, isSoftwareRenderer, type EngineMeasurement } from './engine-choice';
import { readEnginePreference, writeEnginePreference, PROBE_VERSION, type PreferenceStorage } from './engine-preference';
import type { WorkerFactory } from './engine-workers';
import { EffectsPipeline } from './effects-pipeline';
import { ENGINE_IDS, type EngineId } from './engines/segmentation-engine';
import { BLUR_SETTINGS } from './effect-model';

export interface ProbeOptions {
  createWorker?: WorkerFactory;
  /** Frames measured per engine after the first two (warm-up). */
  frames?: number;
  /** Longest time one engine may take, load included. */
  timeoutMs?: number;
}

export function webglRenderer(): string | null {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

/** A moving synthetic picture as a camera-like track. */
function syntheticTrack(): { track: MediaStreamTrack; stop(): void } {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas for the engine probe.');
  let tick = 0;
  const draw = (): void => {
    tick += 1;
    const gradient = context.createLinearGradient(0, 0, 640, 480);
    gradient.addColorStop(0, '#345');
    gradient.addColorStop(1, '#a86');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 640, 480);
    context.fillStyle = '#dcb';
    context.beginPath();
    context.ellipse(320 + 20 * Math.sin(tick / 5), 200, 70, 90, 0, 0, Math.PI * 2);
    context.fill();
    context.fillRect(200, 300, 240, 180);
  };
  draw();
  const stream = canvas.captureStream(30);
  const timer = setInterval(draw, 33);
  const track = stream.getVideoTracks()[0];
  if (!track) throw new Error('The synthetic probe stream has no video track.');
  return {
    track,
    stop: () => {
      clearInterval(timer);
      track.stop();
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measureEngine(engine: EngineId, options: ProbeOptions): Promise<EngineMeasurement> {
  const frames = options.frames ?? 10;
  const timeoutMs = options.timeoutMs ?? 4000;
  const source = syntheticTrack();
  const pipeline = new EffectsPipeline({
    cameraTrack: source.track,
    engine,
    effect: BLUR_SETTINGS.strong,
    background: null,
    ...(options.createWorker ? { createWorker: options.createWorker } : {}),
  });
  try {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      if (pipeline.status.state === 'error')
        return { engine, medianMs: null, note: 'error' in pipeline.status ? pipeline.status.detail : 'failed' };
      const stats = await pipeline.readStats();
      if (stats.timings.total.length >= frames + 2) return { engine, medianMs: median(stats.timings.total.slice(2)) };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { engine, medianMs: null, note: `fewer than ${frames + 2} frames in ${timeoutMs} ms` };
  } finally {
    pipeline.dispose();
    source.stop();
  }
}

export async function measureEngines(options: ProbeOptions = {}): Promise<EngineMeasurement[]> {
  const renderer = webglRenderer();
  const results: EngineMeasurement[] = [];
  for (const engine of ENGINE_IDS) {
    if (engine === 'mediapipe-webgl' && (renderer === null || isSoftwareRenderer(renderer))) {
      results.push({ engine, medianMs: null, note: `skipped: WebGL renderer is ${renderer ?? 'missing'}` });
      continue;
    }
    results.push(await measureEngine(engine, options));
  }
  return results;
}

let resolving: Promise<EngineId> | null = null;

/**
 * The engine to use on this machine: remembered from an earlier probe, or
 * probed now (once per session, however many callers ask).
 */
export function resolveEngine(storage: PreferenceStorage = localStorage, options: ProbeOptions = {}): Promise<EngineId> {
  const remembered = readEnginePreference(storage, navigator.userAgent);
  if (remembered) return Promise.resolve(remembered.engine);
  resolving ??= measureEngines(options)
    .then((measurements) => {
      const engine = chooseEngine(measurements);
      writeEnginePreference(storage, {
        version: PROBE_VERSION,
        engine,
        userAgent: navigator.userAgent,
        measurements,
        probedAt: new Date().toISOString(),
      });
      return engine;
    })
    .finally(() => {
      resolving = null;
    });
  return resolving;
}
