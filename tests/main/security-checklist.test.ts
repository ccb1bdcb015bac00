/**
 * Electron's security checklist, the items that live in plain values:
 * the window's webPreferences, the Content Security Policy and the headers
 * the app's own protocol serves it with.
 */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, resolveAppFile } from '../../src/main/app-protocol';
import { contentSecurityPolicy } from '../../src/main/content-security-policy';
import { secureWebPreferences } from '../../src/main/secure-web-preferences';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('webPreferences of every window', () => {
  const preferences = secureWebPreferences('/app/preload/index.cjs');
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['enableBlinkFeatures', ''],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
  ] as const)('%s is %j', (name, value) => {
    expect(preferences[name]).toBe(value);
  });

  it('loads only the given preload', () => {
    expect(preferences.preload).toBe('/app/preload/index.cjs');
  });
});

describe('the Content Security Policy', () => {
  const policy = directives(contentSecurityPolicy('wss://match.cam-party.example:8443/socket'));

  it('denies by default and allows scripts only from the app, plus WebAssembly compilation', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('connects only to the app and the configured server origin', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", 'wss://match.cam-party.example:8443']);
  });

  it('never allows inline or eval scripts, or any wildcard', () => {
    const text = contentSecurityPolicy('ws://127.0.0.1:8787');
    expect(text).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
  });

  it('refuses a server address that is not a socket', () => {
    expect(() => contentSecurityPolicy('https://evil.example')).toThrow(/ws:\/\/ or wss:\/\//);
  });
});

describe('the app protocol', () => {
  it('serves pages with the CSP and nosniff, and nothing outside the renderer folder', () => {
    const csp = contentSecurityPolicy('ws://127.0.0.1:8787');
    const page = resolveAppFile('/srv/renderer', '/index.html', csp);
    expect(page.ok && page.headers['Content-Security-Policy']).toBe(csp);
    expect(page.ok && page.headers['X-Content-Type-Options']).toBe('nosniff');
    // Workers take the CSP of their script, so scripts carry it too; model files need none.
    const worker = resolveAppFile('/srv/renderer', '/assets/nsfw-classifier.worker.js', csp);
    expect(worker.ok && worker.headers['Content-Security-Policy']).toBe(csp);
    const model = resolveAppFile('/srv/renderer', '/assets/model.wasm', csp);
    expect(model.ok && model.headers['Content-Security-Policy']).toBeUndefined();
    expect(resolveAppFile('/srv/renderer', '/../secrets.json', csp)).toEqual({ ok: false, status: 404 });
    expect(resolveAppFile('/srv/renderer', '/%2e%2e/secrets.json', csp)).toEqual({ ok: false, status: 404 });
    expect(resolveAppFile('/srv/renderer', '/index.html%00.png', csp)).toEqual({ ok: false, status: 400 });
    expect(APP_ORIGIN).toBe('app://cam-party');
  });
});
