/**
 * Builds the effects test page (tests/e2e/harness/effects-lab) with the
 * app's effects build settings, and serves it on 127.0.0.1 the way the app
 * serves its renderer: the same file resolution, headers and Content
 * Security Policy (so WebAssembly and workers run under the app's rules).
 * The test pictures are served under /fixtures/.
 */
import { serveAppFiles } from './app-file-server';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { effectsViteSettings } from '../../../build/effects-vite-settings';
import { contentSecurityPolicy } from '../../../src/main/content-security-policy';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
const LAB_SOURCE = path.join(import.meta.dirname, 'effects-lab');
const FIXTURE_IMAGES = path.join(PROJECT_ROOT, 'tests/fixtures/images');

export interface EffectsLabServer {
  origin: string;
  close(): Promise<void>;
}

/** Builds the lab into a fresh temporary folder and returns it. About 5 s. */
export async function buildEffectsLab(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-effects-lab-'));
  const effects = effectsViteSettings(PROJECT_ROOT);
  await build({
    configFile: false,
    root: LAB_SOURCE,
    base: './',
    logLevel: 'warn',
    plugins: [react(), ...effects.plugins],
    resolve: { alias: effects.alias },
    worker: effects.worker,
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096, rollupOptions: { input: path.join(LAB_SOURCE, 'index.html') } },
  });
  fs.cpSync(FIXTURE_IMAGES, path.join(outDir, 'fixtures'), { recursive: true });
  return outDir;
}

export async function startEffectsLabServer(root: string): Promise<EffectsLabServer> {
  // The CSP names the matchmaking server; the lab opens no socket, any ws:// URL will do.
  const csp = contentSecurityPolicy('ws://127.0.0.1:9');
  return serveAppFiles(root, csp);
}
