/**
 * Builds the effects reference page (esbuild) with MediaPipe's solution
 * files copied beside it from the npm package, and serves it on 127.0.0.1
 * under the app's Content Security Policy. Nothing is fetched from outside.
 * The app's file resolution refuses types the app has no use for; the
 * solution's graph (.binarypb) and data (.data) are served as bytes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { resolveAppFile } from '../../src/main/app-protocol';
import { contentSecurityPolicy } from '../../src/main/content-security-policy';
import type { AppFileServer } from '../../tests/e2e/harness/app-file-server';

const PAGE_SOURCE = import.meta.dirname;
const SOLUTION_FILES = path.resolve(PAGE_SOURCE, '../../node_modules/@mediapipe/selfie_segmentation');

export async function serveEffectsReferencePage(): Promise<AppFileServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-effects-reference-'));
  await build({
    entryPoints: [path.join(PAGE_SOURCE, 'effects-reference-page.ts')],
    outfile: path.join(root, 'effects-reference-page.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    alias: { '@mediapipe/selfie_segmentation': path.join(PAGE_SOURCE, 'selfie-segmentation-global.ts') },
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(PAGE_SOURCE, 'index.html'), path.join(root, 'index.html'));
  fs.cpSync(SOLUTION_FILES, path.join(root, 'mediapipe'), { recursive: true });
  // The page opens no socket; the CSP's socket entry points at a closed port.
  const server = await serveWithSolutionFiles(root, contentSecurityPolicy('ws://127.0.0.1:9'));
  return {
    ...server,
    close: async () => {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

const SOLUTION_DATA = new Set(['.binarypb', '.data']);

async function serveWithSolutionFiles(root: string, csp: string): Promise<AppFileServer> {
  const requestedPaths: string[] = [];
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    requestedPaths.push(pathname);
    const isSolutionData = SOLUTION_DATA.has(path.extname(pathname)) && pathname.startsWith('/mediapipe/') && !pathname.includes('..');
    const file = isSolutionData
      ? { ok: true as const, filePath: path.join(root, pathname), headers: { 'Content-Type': 'application/octet-stream' } }
      : resolveAppFile(root, pathname, csp);
    if (!file.ok) return void response.writeHead(file.status).end();
    fs.readFile(file.filePath, (error, body) => {
      if (error) return void response.writeHead(404).end();
      response.writeHead(200, { ...file.headers, 'Content-Security-Policy': csp }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requestedPaths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
