/**
 * `@mediapipe/selfie_segmentation` is a closure-compiled script that sets
 * `window.SelfieSegmentation`; bundlers cannot import it as a module. The
 * page loads the script itself, and body-segmentation imports this instead.
 */
export const SelfieSegmentation = (window as unknown as { SelfieSegmentation: unknown }).SelfieSegmentation;
