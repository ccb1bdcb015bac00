/**
 * The origin of a URL, including the app's own custom scheme: WHATWG URL
 * reports "null" as the origin of non-special schemes such as app://, so
 * it is rebuilt from scheme and host. Used by every origin check in main.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  // Opaque URLs (data:, about:blank, javascript:) have no host and never match an app origin.
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** True when `url` (a URL or a bare origin) belongs to `origin`. */
export function isSameOrigin(url: string, origin: string): boolean {
  const actual = originOf(url);
  return actual !== null && actual === originOf(origin);
}
