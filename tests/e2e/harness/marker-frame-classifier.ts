/**
 * Wraps a FrameClassifier so that frames carrying the test marker (a magenta
 * square in the top-left corner) score as explicit, while the wrapped
 * classifier still does its real work and takes its real time. This is how
 * the test and the benchmark stage "an explicit frame arrives" without
 * shipping explicit pictures.
 */
import type { ClassScores } from '../../../src/renderer/src/safety-filter/class-scores';
import type { FrameClassifier } from '../../../src/renderer/src/safety-filter/frame-classifier';

export const EXPLICIT_SCORES: ClassScores = { Drawing: 0, Hentai: 0.05, Neutral: 0.03, Porn: 0.9, Sexy: 0.02 };
/** The marker's side in a 640x480 source frame; it stays several pixels wide at the model's 224x224. */
export const MARKER_SIZE = 64;
export const MARKER_COLOR = '#ff00ff';

function carriesMarker(frame: ImageBitmap, probe: OffscreenCanvasRenderingContext2D): boolean {
  probe.drawImage(frame, 4, 4, 1, 1, 0, 0, 1, 1);
  const [red, green, blue] = probe.getImageData(0, 0, 1, 1).data;
  return red! > 200 && green! < 60 && blue! > 200;
}

export function markerFlaggingClassifier(inner: FrameClassifier<ImageBitmap>): FrameClassifier<ImageBitmap> {
  const probe = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  if (!probe) throw new Error('No 2D context for the marker probe.');
  return {
    load: () => inner.load(),
    classify: async (frame) => {
      // Read before the frame is handed over: the real classifier transfers it to its worker.
      const marked = carriesMarker(frame, probe);
      const result = await inner.classify(frame);
      return marked ? { ...result, scores: EXPLICIT_SCORES } : result;
    },
  };
}
