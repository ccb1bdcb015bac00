import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { effectsViteSettings } from './build/effects-vite-settings';

const effects = effectsViteSettings(resolve('.'));

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), ...effects.plugins],
    resolve: { alias: effects.alias },
    worker: effects.worker,
    // simple-peer and its stream library expect Node's `global`.
    define: { global: 'globalThis' },
    build: {
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
