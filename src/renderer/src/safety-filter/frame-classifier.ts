/**
 * What the filter loop needs from a classifier. The real one runs nsfwjs in
 * a Web Worker (nsfw-worker-classifier.ts); tests and the benchmark inject
 * their own scores through the same interface.
 */
import type { ClassScores } from './class-scores';

export interface FrameClassification<Frame> {
  scores: ClassScores;
  /** The classified frame, handed back so it can serve as evidence; the receiver releases it. */
  frame?: Frame;
}

export interface FrameClassifier<Frame> {
  /** Resolves once the classifier can classify; rejects when it cannot (and will not). */
  load(): Promise<void>;
  /** Takes ownership of `frame` (it may be transferred to a worker). */
  classify(frame: Frame): Promise<FrameClassification<Frame>>;
}

/** Frames are downscaled to MobileNetV2's input size before they cross to the worker. */
export const CLASSIFIER_FRAME_SIZE = 224;
