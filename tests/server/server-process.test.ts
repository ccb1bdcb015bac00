import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { socketProtocolsFor } from '../../src/shared/accounts-api';
import { TestSocket } from './test-socket';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Starts `npm run server`'s entry point as its own process and returns the URL it prints. */
async function startServerProcess(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (ws:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, url };
}

describe('npm run server', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGTERM');
  });

  it('starts on 127.0.0.1 with its database where it is told, answers bad input with errors and keeps serving', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-server-'));
    const databasePath = path.join(dir, 'data', 'server.sqlite');
    const started = await startServerProcess(['--port', '0', '--db', databasePath]);
    child = started.child;
    expect(started.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(fs.existsSync(databasePath)).toBe(true);

    // Matchmaking needs an account: sign up over the same port, then present the access token.
    const httpUrl = started.url.replace(/^ws/, 'http');
    const signUp = await fetch(`${httpUrl}/api/accounts/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'process-test@example.org', password: 'a long enough password', username: 'quiet-otter' }),
    });
    expect(signUp.status).toBe(201);
    const { accessToken } = (await signUp.json()) as { accessToken: string };
    await expect(TestSocket.connect(started.url)).rejects.toThrow(/401/);
    const socket = await TestSocket.connect(started.url, {}, socketProtocolsFor(accessToken));
    socket.send('{"type":');
    expect((await socket.nextOf('error')).code).toBe('bad-json');
    socket.send({ type: 'signal', pairId: 'p', data: { sdp: 'x' } });
    expect((await socket.nextOf('error')).code).toBe('bad-message');
    socket.send({ type: 'join' });
    await socket.nextOf('queued');
    socket.close();
    expect(child.exitCode).toBeNull();
  });

  it('refuses unknown flags with its usage and a non-zero exit', async () => {
    const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const process_ = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--bogus'], { cwd: repoRoot });
      let output = '';
      process_.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      process_.once('exit', (code) => resolve({ code, output }));
    });
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/Unknown option --bogus/);
    expect(result.output).toMatch(/Usage: npm run server/);
  });
});
