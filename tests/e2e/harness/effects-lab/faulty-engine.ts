/**
 * Wraps the real CPU engine so it breaks after a number of frames: it
 * either throws or never answers. Only for the privacy-gate tests.
 */
import { loadLitertEngine } from '../../../../src/renderer/src/effects/engines/litert-engine';
import type { EngineLoader } from '../../../../src/renderer/src/effects/engines/segmentation-engine';

/** Frames segmented normally before the fault. */
export const FAULT_AFTER_FRAMES = 10;

export function faultyEngine(kind: 'throws' | 'hangs', framesBeforeFault: number): EngineLoader {
  return async (assets) => {
    const engine = await loadLitertEngine(assets);
    let frames = 0;
    return {
      id: engine.id,
      inputWidth: engine.inputWidth,
      inputHeight: engine.inputHeight,
      segment: (input) => {
        frames += 1;
        if (frames <= framesBeforeFault) return engine.segment(input);
        if (kind === 'throws') return Promise.reject(new Error('injected engine failure'));
        return new Promise<Float32Array>(() => {});
      },
      dispose: () => engine.dispose(),
    };
  };
}
