/**
 * Whether native modules can be rebuilt for Electron's ABI on this machine:
 * @electron/rebuild (electron-builder's `npmRebuild`) compiles them against
 * Electron's headers, read from ~/.electron-gyp or downloaded from
 * Electron's header server. Where neither works (offline), the packaging
 * step skips the rebuild and says so instead of failing half-way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const HEADERS_URL = 'https://www.electronjs.org/headers';
const PROBE_TIMEOUT_MS = 5_000;

export type HeadersAvailability = { available: true; from: string } | { available: false; reason: string };

export async function electronHeadersAvailability(electronVersion: string): Promise<HeadersAvailability> {
  const cached = path.join(os.homedir(), '.electron-gyp', electronVersion, 'include', 'node', 'node_api.h');
  if (fs.existsSync(cached)) return { available: true, from: path.dirname(path.dirname(path.dirname(cached))) };
  const tarball = `${HEADERS_URL}/v${electronVersion}/node-v${electronVersion}-headers.tar.gz`;
  try {
    const response = await fetch(tarball, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (response.ok) return { available: true, from: tarball };
    return { available: false, reason: `${tarball} answered ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { available: false, reason: `${tarball} unreachable (${cause})` };
  }
}
