/**
 * Serves a built page from a folder on 127.0.0.1 the way the app's own
 * protocol does (same file resolution, same headers and CSP), and notes
 * every path asked for.
 */
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveAppFile } from '../../../src/main/app-protocol';

export interface AppFileServer {
  origin: string;
  requestedPaths: string[];
  close(): Promise<void>;
}

export async function serveAppFiles(root: string, csp: string, options: { cspOnEveryResponse?: boolean } = {}): Promise<AppFileServer> {
  const requestedPaths: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requestedPaths.push(url.pathname);
    const file = resolveAppFile(root, url.pathname, csp);
    if (!file.ok) {
      response.writeHead(file.status).end();
      return;
    }
    fs.readFile(file.filePath, (error, body) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      const headers = options.cspOnEveryResponse ? { ...file.headers, 'Content-Security-Policy': csp } : file.headers;
      response.writeHead(200, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requestedPaths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
