/**
 * Runs one engine once on a picture, in a worker like the pipeline does:
 * the picture stretched to the model input, the raw mask back.
 */
import { loadLitertEngine } from '../../../../src/renderer/src/effects/engines/litert-engine';
import { loadMediapipeEngine } from '../../../../src/renderer/src/effects/engines/mediapipe-engine';
import type { EngineId } from '../../../../src/renderer/src/effects/engines/segmentation-engine';

interface Request {
  engine: EngineId;
  baseUrl: string;
  picture: ImageBitmap;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

async function segmentPicture(data: Request): Promise<void> {
  try {
    const load = data.engine === 'litert-wasm' ? loadLitertEngine : loadMediapipeEngine;
    const engine = await load({ baseUrl: data.baseUrl });
    const canvas = new OffscreenCanvas(engine.inputWidth, engine.inputHeight);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D context');
    context.drawImage(data.picture, 0, 0, engine.inputWidth, engine.inputHeight);
    const mask = await engine.segment(canvas);
    scope.postMessage({ ok: true, width: engine.inputWidth, height: engine.inputHeight, values: Array.from(mask) });
    engine.dispose();
  } catch (error) {
    scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

// segmentPicture answers every failure itself, so nothing is left to catch here.
scope.onmessage = ({ data }) => void segmentPicture(data);
