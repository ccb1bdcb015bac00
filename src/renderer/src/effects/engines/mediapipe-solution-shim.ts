/**
 * MediaPipe's selfie_segmentation.js registers `SelfieSegmentation` on the
 * global object instead of exporting it, which a bundler cannot see. The
 * build aliases the package name to this module: it runs the real script,
 * then exports what the script registered, so body-segmentation's import
 * finds it.
 */
import '@mediapipe/selfie_segmentation/selfie_segmentation.js';
import type { SelfieSegmentation as Solution } from '@mediapipe/selfie_segmentation';

type SolutionConstructor = typeof Solution;

const registered = (globalThis as { SelfieSegmentation?: SolutionConstructor }).SelfieSegmentation;
if (!registered) throw new Error('MediaPipe selfie_segmentation.js did not register SelfieSegmentation.');

export const SelfieSegmentation: SolutionConstructor = registered;
export const VERSION = (globalThis as { VERSION?: string }).VERSION;
