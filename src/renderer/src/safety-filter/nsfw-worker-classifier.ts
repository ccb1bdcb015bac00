/**
 * The page's side of the classifier worker: a FrameClassifier whose frames
 * (ImageBitmaps) are transferred to the worker, not copied, and come back
 * with their scores. One worker serves every call of the session, so a new
 * partner does not wait for the model to load again.
 */
import { fromClassifierSchema, type ToClassifier } from './classifier-messages';
import type { FrameClassification, FrameClassifier } from './frame-classifier';

export interface ClassifierLoadInfo {
  loadMs: number;
  backend: string;
  simd: boolean;
}

export interface NsfwWorkerClassifier extends FrameClassifier<ImageBitmap> {
  /** Set once the model is ready. */
  loadInfo(): ClassifierLoadInfo | null;
  /** The last classification's model time inside the worker. */
  lastInferenceMs(): number | null;
  /** True once it failed for good; a new one should be made. */
  broken(): boolean;
  terminate(): void;
}

interface Pending {
  resolve(result: FrameClassification<ImageBitmap>): void;
  reject(error: Error): void;
}

export function createNsfwWorkerClassifier(): NsfwWorkerClassifier {
  // Vite bundles the worker and its model chunks from this exact expression.
  const worker = new Worker(new URL('./nsfw-classifier.worker.ts', import.meta.url), {
    type: 'module',
    name: 'nsfw-classifier',
  });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let info: ClassifierLoadInfo | null = null;
  let inferenceMs: number | null = null;
  let failure: Error | null = null;
  let loading: Promise<void> | null = null;
  let settleLoad: { resolve(): void; reject(error: Error): void } | null = null;

  const fail = (error: Error): void => {
    failure ??= error;
    settleLoad?.reject(error);
    settleLoad = null;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
    worker.terminate();
  };

  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new Error(`The classifier worker failed: ${event.message || 'it could not be started'}`));
  });
  worker.addEventListener('messageerror', () => fail(new Error('The classifier worker sent an unreadable message')));
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = fromClassifierSchema.safeParse(event.data);
    if (!parsed.success) {
      fail(new Error(`The classifier worker sent a malformed message: ${parsed.error.message}`));
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case 'loaded':
        info = { loadMs: message.loadMs, backend: message.backend, simd: message.simd };
        settleLoad?.resolve();
        settleLoad = null;
        return;
      case 'load-failed':
        fail(new Error(message.message));
        return;
      case 'classified': {
        inferenceMs = message.inferenceMs;
        const request = pending.get(message.id);
        pending.delete(message.id);
        if (request) request.resolve({ scores: message.scores, frame: message.frame });
        else message.frame.close();
        return;
      }
      case 'classify-failed': {
        const request = pending.get(message.id);
        pending.delete(message.id);
        request?.reject(new Error(message.message));
        return;
      }
    }
  });

  const send = (message: ToClassifier, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);

  return {
    load: () => {
      if (failure) return Promise.reject(failure);
      loading ??= new Promise<void>((resolve, reject) => {
        settleLoad = { resolve, reject };
        send({ kind: 'load' });
      });
      return loading;
    },
    classify: (frame) => {
      if (failure) {
        frame.close();
        return Promise.reject(failure);
      }
      const id = nextId++;
      return new Promise<FrameClassification<ImageBitmap>>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ kind: 'classify', id, frame }, [frame]);
      });
    },
    loadInfo: () => info,
    lastInferenceMs: () => inferenceMs,
    broken: () => failure !== null,
    terminate: () => fail(new Error('The classifier was shut down')),
  };
}

let shared: NsfwWorkerClassifier | null = null;

/** The session's classifier; replaced when the previous one failed, so a later call may try again. */
export function sharedNsfwWorkerClassifier(): NsfwWorkerClassifier {
  if (!shared || shared.broken()) shared = createNsfwWorkerClassifier();
  return shared;
}
