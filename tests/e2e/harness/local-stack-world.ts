/**
 * A call world on the server exactly as `npm start` runs it: the local
 * stack (scripts/local-stack/local-server.ts) on a fresh data folder, with
 * the environment of someone who set nothing but that folder. The command
 * line tools run as real processes with the same environment, so they find
 * the moderator token and address the way they would on a person's machine.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DATA_DIR_ENV } from '../../../server/local-data-folder';
import { startLocalServer } from '../../../scripts/local-stack/local-server';
import { callWorldOn, type CallWorld } from './call-world';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface LocalStackWorld {
  world: CallWorld;
  /** The folder `npm start` keeps the database, secrets, moderator token and address in. */
  dataDir: string;
  /** Runs `npm run <script> -- <args>` as a person would, with no token or server variable set. */
  npmRun(script: string, args: readonly string[]): Promise<CommandResult>;
  close(): Promise<void>;
}

/** The environment of someone who set nothing, except the data folder (and any free port, so runs never collide). */
function plainEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('CAM_PARTY_')) env[name] = value;
  return { ...env, [DATA_DIR_ENV]: dataDir, CAM_PARTY_PORT: '0' };
}

export async function startLocalStackWorld(browser: Browser): Promise<LocalStackWorld> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-npm-start-'));
  const dataDir = path.join(parent, '.cam-party');
  const env = plainEnv(dataDir);
  const { stack, folder } = await startLocalServer(env);
  const world = await callWorldOn(
    browser,
    Object.assign(stack, { moderatorToken: folder.moderatorToken, accessTokenSecret: folder.accessTokenSecret }),
  );
  return {
    world,
    dataDir,
    // Asynchronous on purpose: the server and every person's main process run in this process and must keep answering.
    npmRun: (script, args) =>
      new Promise((resolve) => {
        execFile('npm', ['run', script, '--', ...args], { cwd: repoRoot, env }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      }),
    close: async () => {
      await world.close();
      fs.rmSync(parent, { recursive: true, force: true });
    },
  };
}
