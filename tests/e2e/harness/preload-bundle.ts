/**
 * The app's real preload (src/preload/index.ts) bundled for a Chromium page
 * by esbuild, with the `electron` module swapped for the transport stand-in
 * in electron-stand-in/. Built once per test process.
 */
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const PRELOAD_SOURCE = 'src/preload/index.ts';
const ELECTRON_STAND_IN = path.resolve(import.meta.dirname, 'electron-stand-in/electron.ts');

export interface PreloadBundle {
  /** An IIFE to run in the page before the app. */
  code: string;
  /** Every file compiled into it, relative to the repository root (esbuild's metafile). */
  inputs: string[];
}

const electronStandIn: Plugin = {
  name: 'electron-stand-in',
  setup(bundler) {
    bundler.onResolve({ filter: /^electron$/ }, () => ({ path: ELECTRON_STAND_IN }));
  },
};

let bundle: Promise<PreloadBundle> | undefined;

export function preloadBundle(): Promise<PreloadBundle> {
  bundle ??= build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [PRELOAD_SOURCE],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [electronStandIn],
  }).then((result) => ({
    code: result.outputFiles[0]!.text,
    inputs: Object.keys(result.metafile.inputs).map((input) => path.relative(REPO_ROOT, path.resolve(REPO_ROOT, input))),
  }));
  return bundle;
}
