/**
 * The Content Security Policy served with every page of the renderer. It
 * allows the app's own files, WebAssembly compilation (for the on-device
 * segmentation engine), camera streams, and one socket: the configured
 * matchmaking server. Nothing else.
 */
export function contentSecurityPolicy(serverUrl: string): string {
  const server = new URL(serverUrl);
  if (server.protocol !== 'ws:' && server.protocol !== 'wss:') {
    throw new Error(`The server URL must be ws:// or wss://, got ${server.protocol}`);
  }
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'blob:', 'data:'],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", `${server.protocol}//${server.host}`],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
