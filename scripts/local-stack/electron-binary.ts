/**
 * Finds the Electron binary without `require('electron')`, which would try
 * to download it (and reach the network) when it is missing. Same lookup as
 * electron's own index.js: ELECTRON_OVERRIDE_DIST_PATH, then dist/ beside
 * the package, named by path.txt.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type ElectronBinary = { available: true; path: string } | { available: false; missing: string; reason: string };

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const candidate = path.join(distDir, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'));
  if (fs.existsSync(candidate)) return { available: true, path: candidate };
  return {
    available: false,
    missing: candidate,
    reason:
      `The Electron binary is not installed (${candidate} is missing): its download needs the network. ` +
      'On a machine with internet run "npx install-electron", or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron.',
  };
}
