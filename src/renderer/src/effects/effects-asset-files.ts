/**
 * The model and WebAssembly files the effects need at run time, where the
 * build copies each one from (an installed npm package) and the URL path it
 * is served under, next to index.html. One list, read by the build plugin
 * and by the engines, so the two cannot disagree. Nothing is fetched from
 * the network: every file ships inside the app.
 */

/** Folder under the renderer's output root. */
export const EFFECTS_ASSET_DIR = 'effects-assets';

export interface EffectsAssetFile {
  /** Path inside node_modules. */
  from: string;
  /** Path under EFFECTS_ASSET_DIR. */
  to: string;
}

const SELFIE = '@mediapipe/selfie_segmentation';
const LITERT = '@litertjs/core/wasm';

/** The landscape selfie model (256x144 input), the one both engines run. */
export const SELFIE_LANDSCAPE_MODEL = 'models/selfie_segmentation_landscape.tflite';
/** LiteRT's loader picks between these by the browser's WebAssembly features. */
export const LITERT_WASM_DIR = 'litert/';
export const MEDIAPIPE_SOLUTION_DIR = 'mediapipe/';

/**
 * The app's file server only serves known extensions; MediaPipe's graph
 * (.binarypb) and empty data file (.data) are copied with ".bin" appended and
 * the engine's locateFile maps the names back.
 */
export function servedMediapipeName(file: string): string {
  return /\.(binarypb|data)$/.test(file) ? `${file}.bin` : file;
}

const MEDIAPIPE_FILES = [
  'selfie_segmentation.binarypb',
  'selfie_segmentation.tflite',
  'selfie_segmentation_landscape.tflite',
  'selfie_segmentation_solution_simd_wasm_bin.js',
  'selfie_segmentation_solution_simd_wasm_bin.wasm',
  'selfie_segmentation_solution_simd_wasm_bin.data',
  'selfie_segmentation_solution_wasm_bin.js',
  'selfie_segmentation_solution_wasm_bin.wasm',
];

export const EFFECTS_ASSET_FILES: readonly EffectsAssetFile[] = [
  { from: `${SELFIE}/selfie_segmentation_landscape.tflite`, to: SELFIE_LANDSCAPE_MODEL },
  // Relaxed-SIMD build for current Chromium, and the plain-SIMD one it falls back to.
  { from: `${LITERT}/litert_wasm_internal.js`, to: `${LITERT_WASM_DIR}litert_wasm_internal.js` },
  { from: `${LITERT}/litert_wasm_internal.wasm`, to: `${LITERT_WASM_DIR}litert_wasm_internal.wasm` },
  { from: `${LITERT}/litert_wasm_compat_internal.js`, to: `${LITERT_WASM_DIR}litert_wasm_compat_internal.js` },
  { from: `${LITERT}/litert_wasm_compat_internal.wasm`, to: `${LITERT_WASM_DIR}litert_wasm_compat_internal.wasm` },
  ...MEDIAPIPE_FILES.map((file) => ({
    from: `${SELFIE}/${file}`,
    to: `${MEDIAPIPE_SOLUTION_DIR}${servedMediapipeName(file)}`,
  })),
];
