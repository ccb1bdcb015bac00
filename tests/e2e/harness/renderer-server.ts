/**
 * Serves the built renderer on 127.0.0.1 the way the app's own protocol
 * does: same file resolution, same headers, same Content Security Policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy } from '../../../src/main/content-security-policy';
import { serveAppFiles, type AppFileServer } from './app-file-server';

export const RENDERER_ROOT = path.resolve(import.meta.dirname, '../../../out/renderer');

export type RendererServer = AppFileServer;

export async function startRendererServer(signalingUrl: string): Promise<RendererServer> {
  if (!fs.existsSync(path.join(RENDERER_ROOT, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first.');
  }
  return serveAppFiles(RENDERER_ROOT, contentSecurityPolicy(signalingUrl));
}
