/**
 * useProcessedStream(rawStream, effect): the stream to preview and send.
 *
 * - Effect "none": the camera stream itself, status "off".
 * - Any other effect: a stream whose video track is the pipeline's output
 *   (plus the camera's audio). It carries no frame until the first
 *   composited one, and neutral frames whenever the pipeline fails or
 *   falls behind. `stream` is never the raw camera while an effect is on:
 *   if the pipeline cannot start at all, it is null and status is "error".
 * - Switching between effects keeps the same track (no renegotiation);
 *   switching effect on or off changes the stream, so callers replace the
 *   outgoing track (RTCRtpSender.replaceTrack).
 */
import { useEffect, useMemo, useState } from 'react';
import { loadBackgroundImage } from './background-image';
import { isEffectOn, renderEffectFor, type Effect } from './effect-model';
import { EffectsPipeline, supportsEffectsPipeline } from './effects-pipeline';
import { resolveEngine } from './engine-probe';
import { useLatest } from '../use-latest';
import type { WorkerFactory } from './engine-workers';
import type { EngineId } from './engines/segmentation-engine';
import type { EffectsStatus } from './pipeline-health';

export type ProcessedStreamStatus = EffectsStatus | { state: 'off' };

export interface ProcessedStream {
  /** Preview and send this. Null while there is no camera, or when an effect cannot run. */
  stream: MediaStream | null;
  status: ProcessedStreamStatus;
  /** The engine in use (null while the probe runs or with no effect). */
  engine: EngineId | null;
  /** True when the stream may be sent: no effect, or the effect has produced its first frame. */
  readyToSend: boolean;
}

export interface ProcessedStreamOptions {
  /** Skips the probe and uses this engine. */
  engine?: EngineId;
  createWorker?: WorkerFactory;
}

export function useProcessedStream(rawStream: MediaStream | null, effect: Effect, options: ProcessedStreamOptions = {}): ProcessedStream {
  const effectOn = isEffectOn(effect);
  const [engine, setEngine] = useState<EngineId | null>(options.engine ?? null);
  const [engineError, setEngineError] = useState<string | null>(null);
  const [pipeline, setPipeline] = useState<EffectsPipeline | null>(null);
  const [status, setStatus] = useState<EffectsStatus>({ state: 'starting' });
  const [backgroundError, setBackgroundError] = useState<string | null>(null);
  // A layout effect, so it runs before the pipeline effect: a new pipeline starts with the latest choice.
  const effectRef = useLatest(effect);
  const createWorker = options.createWorker;
  const cameraTrack = rawStream?.getVideoTracks()[0] ?? null;

  // Pick the engine once, the first time an effect is wanted.
  useEffect(() => {
    if (!effectOn || engine) return;
    let cancelled = false;
    resolveEngine()
      .then((chosen) => !cancelled && setEngine(chosen))
      .catch((error: unknown) => !cancelled && setEngineError(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, [effectOn, engine]);

  // One pipeline per camera track and engine, kept while any effect is on.
  useEffect(() => {
    if (!effectOn || !cameraTrack || !engine) return;
    const initial = renderEffectFor(effectRef.current);
    if (!initial) return;
    if (!supportsEffectsPipeline()) return;
    let created: EffectsPipeline;
    try {
      created = new EffectsPipeline({
        cameraTrack,
        engine,
        effect: initial,
        background: null,
        onStatus: setStatus,
        ...(createWorker ? { createWorker } : {}),
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      // Reported after this effect, like every other status (they all arrive from callbacks).
      queueMicrotask(() => setStatus({ state: 'error', detail }));
      return;
    }
    setPipeline(created);
    return () => {
      created.dispose();
      setPipeline(null);
      setStatus({ state: 'starting' });
    };
  }, [effectOn, cameraTrack, engine, createWorker, effectRef]);

  // Effect changes go to the running pipeline, with the background picture when there is one.
  useEffect(() => {
    const render = renderEffectFor(effect);
    if (!pipeline || !render) return;
    let cancelled = false;
    loadBackgroundImage(effect)
      .then((bitmap) => {
        if (cancelled) {
          bitmap?.close();
          return;
        }
        setBackgroundError(null);
        pipeline.setEffect(render, bitmap);
      })
      .catch((error: unknown) => {
        if (!cancelled) setBackgroundError(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, [pipeline, effect]);

  const processed = useMemo(() => {
    if (!pipeline || !rawStream) return null;
    return new MediaStream([pipeline.track, ...rawStream.getAudioTracks()]);
  }, [pipeline, rawStream]);

  if (!effectOn) return { stream: rawStream, status: { state: 'off' }, engine: null, readyToSend: rawStream !== null };
  const shownStatus: EffectsStatus = !supportsEffectsPipeline()
    ? { state: 'error', detail: 'Video effects cannot run in this version of Cam-Party on this computer.' }
    : engineError
      ? { state: 'error', detail: `Video effects could not start: ${engineError}` }
      : backgroundError
        ? { state: 'error', detail: backgroundError }
        : status;
  return {
    stream: processed,
    status: shownStatus,
    engine,
    readyToSend: processed !== null && shownStatus.state === 'ready',
  };
}
