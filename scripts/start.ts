/**
 * `npm start`: builds the app, starts the matchmaking server on
 * 127.0.0.1 with its embedded database, and launches the app against it.
 * Set CAM_PARTY_SERVER_URL to use a deployed server instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openDatabase } from '../server/database';
import { DEFAULT_PORT } from '../server/server-config';
import { startSignalingServer, type RunningSignalingServer } from '../server/signaling-server';

const root = path.resolve(import.meta.dirname, '..');

function electronBinary(): string {
  try {
    // In plain Node, the electron package exports the path to its binary.
    return createRequire(import.meta.url)('electron') as string;
  } catch (error) {
    console.error(
      `The Electron binary is not installed (${error instanceof Error ? error.message.split('\n')[0] : error}).\n` +
        'Run "npx install-electron" on a machine with internet access, then "npm start" again.',
    );
    process.exit(1);
  }
}

async function startLocalServer(): Promise<RunningSignalingServer> {
  try {
    return await startSignalingServer({ host: '127.0.0.1', port: DEFAULT_PORT });
  } catch {
    // Another program holds the usual port: any free one will do for a local run.
    return startSignalingServer({ host: '127.0.0.1', port: 0 });
  }
}

async function main(): Promise<void> {
  const binary = electronBinary();
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);

  let serverUrl = process.env.CAM_PARTY_SERVER_URL;
  let server: RunningSignalingServer | undefined;
  let db: ReturnType<typeof openDatabase> | undefined;
  if (!serverUrl) {
    db = openDatabase(path.join(root, '.cam-party/server.sqlite'));
    server = await startLocalServer();
    serverUrl = server.url;
    console.log(`Local Cam-Party server on ${serverUrl}`);
  }
  const app = spawn(binary, [root], { stdio: 'inherit', env: { ...process.env, CAM_PARTY_SERVER_URL: serverUrl } });
  app.once('exit', async (code) => {
    await server?.close();
    db?.close();
    process.exit(code ?? 0);
  });
}

await main();
