/**
 * Builds the app (main, preload, renderer into out/) and opens it in
 * Electron against a server; resolves with Electron's exit code.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export function buildApp(): number {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  return build.status ?? 1;
}

export function launchApp(electronBinary: string, serverUrl: string): Promise<number> {
  const app = spawn(electronBinary, [root], { stdio: 'inherit', env: { ...process.env, CAM_PARTY_SERVER_URL: serverUrl } });
  return new Promise((resolve) => app.once('exit', (code) => resolve(code ?? 0)));
}
