/**
 * Vite plugin: copies the segmentation model and the WebAssembly runtimes
 * from installed npm packages into the renderer build (out/renderer/
 * effects-assets/…), and serves the same files from node_modules under the
 * dev server. The app then loads them from its own origin, offline.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { EFFECTS_ASSET_DIR, EFFECTS_ASSET_FILES } from '../src/renderer/src/effects/effects-asset-files';

export interface CopyModelAssetsOptions {
  /** Folder whose node_modules holds the packages (the project root). */
  projectRoot: string;
}

function resolveSources(projectRoot: string): Map<string, string> {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  const sources = new Map<string, string>();
  for (const file of EFFECTS_ASSET_FILES) {
    let source: string;
    try {
      source = require.resolve(file.from);
    } catch {
      throw new Error(`copy-model-assets: ${file.from} is missing. Run "npm install" (it ships with an npm dependency).`);
    }
    sources.set(`${EFFECTS_ASSET_DIR}/${file.to}`, source);
  }
  return sources;
}

export function copyModelAssets({ projectRoot }: CopyModelAssetsOptions): Plugin {
  let sources: Map<string, string>;
  return {
    name: 'cam-party:copy-model-assets',
    buildStart() {
      sources = resolveSources(projectRoot);
    },
    async writeBundle(outputOptions) {
      const outDir = outputOptions.dir;
      if (!outDir) throw new Error('copy-model-assets: the build has no output folder.');
      await Promise.all(
        [...sources].map(async ([target, source]) => {
          const destination = path.join(outDir, target);
          await fs.promises.mkdir(path.dirname(destination), { recursive: true });
          await fs.promises.copyFile(source, destination);
        }),
      );
    },
    configureServer(server) {
      sources ??= resolveSources(projectRoot);
      server.middlewares.use((request, response, next) => {
        const pathname = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/^\/+/, '');
        const source = sources.get(pathname);
        if (!source) return next();
        const type = source.endsWith('.wasm')
          ? 'application/wasm'
          : source.endsWith('.js')
            ? 'text/javascript'
            : 'application/octet-stream';
        response.setHeader('Content-Type', type);
        fs.createReadStream(source).pipe(response);
      });
    },
  };
}
