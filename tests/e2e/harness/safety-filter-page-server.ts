/**
 * Serves a built page on 127.0.0.1 the way the app's protocol serves the
 * renderer (same file resolution, headers and Content Security Policy), and
 * can serve it under a different CSP to show what happens when the policy
 * forbids WebAssembly.
 *
 * One difference, on purpose: the CSP goes on every response, not only on
 * HTML. Chromium gives a dedicated worker the CSP of the worker script's own
 * response, not its page's, so a worker served without the header runs
 * under no policy at all. The app's protocol should do the same.
 */
import { serveAppFiles, type AppFileServer } from './app-file-server';
import { contentSecurityPolicy } from '../../../src/main/content-security-policy';

export type SafetyFilterPageServer = AppFileServer;

/** The app's CSP; its socket entry points at a closed port, as this page opens no socket. */
export const APP_CSP = contentSecurityPolicy('ws://127.0.0.1:9');
/** The app's CSP without WebAssembly compilation: TF.js's wasm backend cannot start under it. */
export const CSP_WITHOUT_WASM = APP_CSP.replace(" 'wasm-unsafe-eval'", '');

export async function startSafetyFilterPageServer(root: string, csp = APP_CSP): Promise<SafetyFilterPageServer> {
  if (csp === CSP_WITHOUT_WASM && APP_CSP === CSP_WITHOUT_WASM) {
    throw new Error("The app's CSP no longer contains 'wasm-unsafe-eval': update this harness.");
  }
  // Every response carries the CSP (not only pages), so tests can run the worker under a stricter one.
  return serveAppFiles(root, csp, { cspOnEveryResponse: true });
}
