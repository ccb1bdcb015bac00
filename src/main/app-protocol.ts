/**
 * Serves the built renderer from the app's own scheme (app://cam-party/…)
 * instead of file://, so the page has a real origin, a CSP header, and can
 * fetch its own model files. Plain module: main's protocol handler and the
 * end-to-end test server both use it.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'cam-party';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.tflite': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

export type AppFileResolution = { ok: true; filePath: string; headers: Record<string, string> } | { ok: false; status: 400 | 404 };

/**
 * Maps a request path (e.g. "/assets/index.js") under the renderer root to a
 * file, refusing anything that would escape the root.
 */
export function resolveAppFile(rendererRoot: string, requestPath: string, contentSecurityPolicy: string): AppFileResolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return { ok: false, status: 404 };
  const extension = path.extname(filePath).toLowerCase();
  const mimeType = MIME_TYPES[extension];
  if (!mimeType) return { ok: false, status: 404 };
  const headers: Record<string, string> = {
    'Content-Type': mimeType,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  // Pages, and scripts too: a dedicated worker runs under the CSP of its own script's response, not its page's.
  if (extension === '.html' || extension === '.js' || extension === '.mjs') headers['Content-Security-Policy'] = contentSecurityPolicy;
  return { ok: true, filePath, headers };
}
