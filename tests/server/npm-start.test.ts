/**
 * `npm start` as people run it, as real processes: `--server-only` starts
 * the whole product's server on its data folder, `npm run moderate` finds
 * the local token and address with no variable set, the data survives a
 * restart; and without an Electron binary plain `npm start` says so at once.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const person = { email: 'first-run@example.org', password: 'a long enough password', username: 'first_run' };

/** The environment of someone who set nothing, with the data folder the test picks. */
function plainEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CAM_PARTY_DATA_DIR: dataDir, CAM_PARTY_PORT: '0', ...extra };
  for (const name of ['CAM_PARTY_MODERATOR_TOKEN', 'CAM_PARTY_SERVER_URL', 'CAM_PARTY_ACCESS_TOKEN_SECRET']) delete env[name];
  return env;
}

/** Starts `npm start -- --server-only` and waits for the line with its address. */
async function startServerOnly(dataDir: string): Promise<{ child: ChildProcess; line: string; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--server-only'], {
    cwd: repoRoot,
    env: plainEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => /running at ws:\/\//.test(candidate));
      if (line) resolve({ child, line, url: /(ws:\/\/\S+)/.exec(line)![1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start --server-only exited with ${code}: ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', ...args], { cwd: repoRoot, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;
const post = (url: string, route: string, body: unknown): Promise<Response> =>
  fetch(`${url.replace(/^ws/, 'http')}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('npm start', () => {
  let child: ChildProcess | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) await stop(child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('--server-only runs the whole product on a private data folder that npm run moderate finds, and keeps it across restarts', async () => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-start-')), '.cam-party');
    const first = await startServerOnly(dataDir);
    child = first.child;
    expect(first.line).toMatch(/^Cam-Party local server running at ws:\/\/127\.0\.0\.1:\d+ \(data in .*\)\. Press Ctrl\+C to stop\.$/);

    expect((await post(first.url, '/api/accounts/sign-up', person)).status).toBe(201);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const file of ['moderator-token', 'access-token-secret', 'server-address', 'server.sqlite']) {
      expect(modeOf(path.join(dataDir, file)), file).toBe(0o600);
    }
    const token = fs.readFileSync(path.join(dataDir, 'moderator-token'), 'utf8');

    const listed = await run(['scripts/moderate.ts', 'list'], plainEnv(dataDir));
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout.trim()).toBe('No open reports.');

    expect(await stop(child)).toBe(0);
    const second = await startServerOnly(dataDir);
    child = second.child;
    const signIn = await post(second.url, '/api/accounts/sign-in', { email: person.email, password: person.password });
    expect(signIn.status).toBe(200);
    expect(fs.readFileSync(path.join(dataDir, 'moderator-token'), 'utf8')).toBe(token);
    expect((await run(['scripts/moderate.ts', 'list'], plainEnv(dataDir))).code).toBe(0);
    // Four processes start here and the sign-up hashes with the production cost: slow machines need the room.
  }, 180_000);

  it('without an Electron binary says so in one line, with how to get it and --server-only, before building anything', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-start-'));
    const result = await run(['scripts/start.ts'], plainEnv(dataDir, { ELECTRON_OVERRIDE_DIST_PATH: path.join(dataDir, 'no-electron') }));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron binary is not installed.*npx install-electron.*npm start -- --server-only/);
    // Nothing was started either: the data folder is untouched.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  }, 60_000);
});
