/**
 * The renderer build settings the video effects need, shared by the app's
 * electron-vite config and the effects test page's build so both bundle
 * the pipeline the same way:
 * - the model and wasm files copied into the output (copy-model-assets),
 * - classic (iife) workers, because LiteRT and MediaPipe load their wasm
 *   glue with importScripts, which module workers do not have,
 * - @mediapipe/selfie_segmentation aliased to a shim that exports the class
 *   the script registers globally (and the script kept in the worker bundle).
 */
import path from 'node:path';
import type { Alias, Plugin, PluginOption } from 'vite';
import { copyModelAssets } from './copy-model-assets';

export interface EffectsViteSettings {
  plugins: Plugin[];
  alias: Alias[];
  worker: { format: 'iife'; plugins: () => PluginOption[] };
}

/**
 * @mediapipe/selfie_segmentation declares `"sideEffects": []`, yet its
 * script does nothing but register a global: without this the bundler
 * drops the shim's import of it as unused.
 */
function keepMediapipeScript(): Plugin {
  return {
    name: 'cam-party:keep-mediapipe-script',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('@mediapipe/selfie_segmentation/selfie_segmentation.js')) return null;
      return { code, map: null, moduleSideEffects: true };
    },
  };
}

export function effectsViteSettings(projectRoot: string): EffectsViteSettings {
  return {
    plugins: [copyModelAssets({ projectRoot })],
    alias: [
      {
        find: /^@mediapipe\/selfie_segmentation$/,
        replacement: path.resolve(projectRoot, 'src/renderer/src/effects/engines/mediapipe-solution-shim.ts'),
      },
    ],
    worker: { format: 'iife', plugins: () => [keepMediapipeScript()] },
  };
}
