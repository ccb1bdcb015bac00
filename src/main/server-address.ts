/**
 * Which matchmaking server the app talks to: `--server=URL`, then the
 * CAM_PARTY_SERVER_URL environment variable, then the local default.
 */
export const DEFAULT_SERVER_URL = 'ws://127.0.0.1:8787';

export function resolveServerUrl(argv: readonly string[], env: Record<string, string | undefined>): string {
  const flag = argv.find((argument) => argument.startsWith('--server='))?.slice('--server='.length);
  const candidate = flag ?? env.CAM_PARTY_SERVER_URL ?? DEFAULT_SERVER_URL;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new Error(`The server address "${candidate}" is not a URL.`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new Error(`The server address must start with ws:// or wss://, got "${candidate}".`);
  }
  return url.toString().replace(/\/$/, '');
}
