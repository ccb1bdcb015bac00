/**
 * The effects test page: the real pipeline, engines, picker and hook from
 * src/renderer/src/effects, driven by tests and the benchmark through
 * `window.effectsLab` (see lab-api.ts). Built with the app's own effects
 * build settings and served with the app's headers. The React preview (the
 * picker over the output video) lives in lab-preview.jsx: a .tsx here would
 * be compiled by tsconfig.node.json, which has no JSX.
 */

/** What lab-preview.jsx gets to show the picker and the output. */
export interface PreviewBridge {
  track: MediaStreamTrack;
  effect: Effect;
  status(): string;
  onStatusChange(listener: () => void): () => void;
  choose(effect: Effect): void;
}
import { loadBackgroundImage } from '../../../../src/renderer/src/effects/background-image';
import { effectFromKey, renderEffectFor, type Effect } from '../../../../src/renderer/src/effects/effect-model';
import { EffectsPipeline } from '../../../../src/renderer/src/effects/effects-pipeline';
import { createEngineWorker, effectsAssetsBaseUrl, type WorkerFactory } from '../../../../src/renderer/src/effects/engine-workers';
import { measureEngines } from '../../../../src/renderer/src/effects/engine-probe';
import { NEUTRAL_RGB } from '../../../../src/renderer/src/effects/worker/frame-compositor';
import type { EffectsStatus } from '../../../../src/renderer/src/effects/pipeline-health';
import type { EffectsLabApi, LabFault, LabFrame, LabMask, LabStatus } from './lab-api';

let input: MediaStream | null = null;
let stopInput: (() => void) | null = null;
let pipeline: EffectsPipeline | null = null;
let statuses: LabStatus[] = [];
let currentEffect: Effect = { kind: 'none' };
const statusListeners = new Set<() => void>();

const FAULTY_WORKERS: Record<LabFault, WorkerFactory> = {
  'throws-after-frames': () => new Worker(new URL('./throwing-engine.worker.ts', import.meta.url)),
  'hangs-after-frames': () => new Worker(new URL('./hanging-engine.worker.ts', import.meta.url)),
};

function toLabStatus(status: EffectsStatus): LabStatus {
  return {
    state: status.state,
    ...('reason' in status ? { reason: status.reason } : {}),
    ...('detail' in status ? { detail: status.detail } : {}),
  };
}

function replaceInput(stream: MediaStream, stop: () => void): void {
  stopInput?.();
  input = stream;
  stopInput = stop;
}

function requireInput(): MediaStreamTrack {
  const track = input?.getVideoTracks()[0];
  if (!track) throw new Error('No input: call useCamera or usePicture first.');
  return track;
}

function requirePipeline(): EffectsPipeline {
  if (!pipeline) throw new Error('No pipeline: call startPipeline first.');
  return pipeline;
}

async function withFrames<T>(track: MediaStreamTrack, use: (reader: ReadableStreamDefaultReader<VideoFrame>) => Promise<T>): Promise<T> {
  const clone = track.clone();
  const reader = new MediaStreamTrackProcessor({ track: clone }).readable.getReader();
  try {
    return await use(reader);
  } finally {
    await reader.cancel().catch(() => {});
    clone.stop();
  }
}

function frameToRgba(frame: VideoFrame, width = frame.displayWidth, height = frame.displayHeight): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(frame, 0, 0, width, height);
  return context.getImageData(0, 0, width, height).data;
}

function toBase64(bytes: Uint8ClampedArray): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function isNeutral(rgba: Uint8ClampedArray): boolean {
  for (let i = 0; i < rgba.length; i += 4) {
    for (let c = 0; c < 3; c += 1) if (Math.abs(rgba[i + c]! - NEUTRAL_RGB[c]!) > 4) return false;
  }
  return true;
}

async function applyEffect(key: string): Promise<void> {
  const effect = effectFromKey(key);
  const render = renderEffectFor(effect);
  if (!render) throw new Error('The lab runs the pipeline only with an effect on.');
  currentEffect = effect;
  requirePipeline().setEffect(render, await loadBackgroundImage(effect));
}

const api: EffectsLabApi = {
  async useCamera(width, height, frameRate) {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { exact: width }, height: { exact: height }, frameRate: { ideal: frameRate } },
    });
    replaceInput(stream, () => stream.getTracks().forEach((track) => track.stop()));
  },
  async usePicture(url, width, height, frameRate) {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    const draw = (): void => context.drawImage(image, 0, 0, width, height);
    draw();
    const stream = canvas.captureStream(frameRate);
    const timer = setInterval(draw, 1000 / frameRate);
    replaceInput(stream, () => {
      clearInterval(timer);
      stream.getTracks().forEach((track) => track.stop());
    });
  },
  async startPipeline({ engine, effectKey, fault }) {
    pipeline?.dispose();
    statuses = [];
    const effect = effectFromKey(effectKey);
    const render = renderEffectFor(effect);
    if (!render) throw new Error('The lab runs the pipeline only with an effect on.');
    currentEffect = effect;
    pipeline = new EffectsPipeline({
      cameraTrack: requireInput(),
      engine,
      effect: render,
      background: await loadBackgroundImage(effect),
      createWorker: fault ? FAULTY_WORKERS[fault] : createEngineWorker,
      onStatus: (status) => {
        statuses.push(toLabStatus(status));
        statusListeners.forEach((listener) => listener());
      },
    });
  },
  setEffect: applyEffect,
  waitForStatus(state, timeoutMs, reason) {
    // Checked at every status change (never on a timer); the deadline only bounds the wait.
    return new Promise<LabStatus>((resolve, reject) => {
      const deadline = AbortSignal.timeout(timeoutMs);
      const finish = (): void => {
        statusListeners.delete(check);
        deadline.removeEventListener('abort', giveUp);
      };
      const check = (): void => {
        const current = requirePipeline().status;
        if (current.state === state && (!reason || ('reason' in current && current.reason === reason))) {
          finish();
          resolve(toLabStatus(current));
        } else if (current.state === 'error' || (current.state === 'paused' && current.reason === 'engine-failed' && state !== 'paused')) {
          finish();
          reject(new Error(`Status is ${current.state}, never "${state}": ${current.detail}`));
        }
      };
      const giveUp = (): void => {
        finish();
        reject(new Error(`Status stayed ${JSON.stringify(requirePipeline().status)}, never "${state}" ${reason ?? ''} in ${timeoutMs} ms`));
      };
      statusListeners.add(check);
      deadline.addEventListener('abort', giveUp);
      check();
    });
  },
  status: () => toLabStatus(requirePipeline().status),
  statusHistory: () => statuses,
  async grabFrame(which): Promise<LabFrame> {
    const track = which === 'output' ? requirePipeline().track : requireInput();
    return withFrames(track, async (reader) => {
      const { value: frame } = await reader.read();
      if (!frame) throw new Error(`The ${which} track ended.`);
      try {
        const rgba = frameToRgba(frame);
        return { width: frame.displayWidth, height: frame.displayHeight, rgbaBase64: toBase64(rgba) };
      } finally {
        frame.close();
      }
    });
  },
  async watchOutput(frameCount) {
    return withFrames(requirePipeline().track, async (reader) => {
      const counts = { frames: 0, neutral: 0, nonNeutral: 0 };
      while (counts.frames < frameCount) {
        const { value: frame } = await reader.read();
        if (!frame) break;
        counts.frames += 1;
        if (isNeutral(frameToRgba(frame, 80, 60))) counts.neutral += 1;
        else counts.nonNeutral += 1;
        frame.close();
      }
      return counts;
    });
  },
  async readStats() {
    const active = requirePipeline();
    const stats = await active.readStats();
    return { ...stats, outputTotalFrames: active.track.stats?.totalFrames ?? null };
  },
  async resetStats() {
    requirePipeline().resetStats();
  },
  async stopPipeline() {
    pipeline?.dispose();
    pipeline = null;
    stopInput?.();
    input = null;
  },
  async segmentPicture(engine, url): Promise<LabMask> {
    const image = new Image();
    image.src = url;
    await image.decode();
    const picture = await createImageBitmap(image);
    const worker = new Worker(new URL('./segment-picture.worker.ts', import.meta.url));
    try {
      const reply = await new Promise<{ ok: boolean; error?: string } & Partial<LabMask>>((resolve, reject) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage({ engine, baseUrl: effectsAssetsBaseUrl(), picture }, [picture]);
      });
      if (!reply.ok) throw new Error(reply.error);
      return { width: reply.width!, height: reply.height!, values: reply.values! };
    } finally {
      worker.terminate();
    }
  },
  async attachOutputVideo() {
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    video.width = 640;
    video.height = 480;
    video.srcObject = new MediaStream([requirePipeline().track]);
    document.body.append(video);
    await video.play().catch(() => {});
  },
  async showPreview() {
    const mount = (window as unknown as { mountEffectsPreview?: (bridge: PreviewBridge) => void }).mountEffectsPreview;
    if (!mount) throw new Error('lab-preview.jsx is not loaded.');
    mount({
      track: requirePipeline().track,
      effect: currentEffect,
      status: () => statuses.at(-1)?.state ?? 'starting',
      onStatusChange: (listener) => {
        statusListeners.add(listener);
        return () => void statusListeners.delete(listener);
      },
      choose: (effect) => {
        currentEffect = effect;
        const render = renderEffectFor(effect);
        if (render) void loadBackgroundImage(effect).then((bitmap) => pipeline?.setEffect(render, bitmap));
      },
    });
  },
  probeEngines: () => measureEngines(),
};

Object.defineProperty(window, 'effectsLab', { value: api });
