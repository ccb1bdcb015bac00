/**
 * Serves the built renderer on 127.0.0.1 the way the app's own protocol
 * does: same file resolution, same headers, same Content Security Policy.
 */
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { resolveAppFile } from '../../../src/main/app-protocol';
import { contentSecurityPolicy } from '../../../src/main/content-security-policy';

export const RENDERER_ROOT = path.resolve(import.meta.dirname, '../../../out/renderer');

export interface RendererServer {
  origin: string;
  close(): Promise<void>;
}

export async function startRendererServer(signalingUrl: string): Promise<RendererServer> {
  if (!fs.existsSync(path.join(RENDERER_ROOT, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first.');
  }
  const csp = contentSecurityPolicy(signalingUrl);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = resolveAppFile(RENDERER_ROOT, url.pathname, csp);
    if (!file.ok) {
      response.writeHead(file.status).end();
      return;
    }
    fs.readFile(file.filePath, (error, body) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, file.headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
