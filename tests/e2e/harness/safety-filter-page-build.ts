/**
 * Builds the safety-filter test page (safety-filter-page/) with Vite into a
 * fresh temporary folder: the filter's real modules, its worker, the nsfwjs
 * model chunks and the TF.js .wasm binaries, bundled as the app bundles them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const PAGE_SOURCE = path.resolve(import.meta.dirname, 'safety-filter-page');

export interface BuiltSafetyFilterPage {
  root: string;
  buildMs: number;
  remove(): void;
}

export async function buildSafetyFilterPage(): Promise<BuiltSafetyFilterPage> {
  const started = performance.now();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safety-filter-page-'));
  await build({
    configFile: false,
    root: PAGE_SOURCE,
    base: './',
    logLevel: 'error',
    plugins: [react()],
    // Same as the app's renderer config (simple-peer's `global`); harmless here.
    define: { global: 'globalThis' },
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  return {
    root: outDir,
    buildMs: Math.round(performance.now() - started),
    remove: () => fs.rmSync(outDir, { recursive: true, force: true }),
  };
}
