/**
 * The real server for tests, started by the same composition root as
 * `npm start` (server/server-stack.ts): signaling, matchmaking, accounts
 * and safety on 127.0.0.1, with its SQLite database in a fresh temp folder.
 * scrypt runs for real at a lower cost so sign-ups stay fast in tests.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerStack, type ServerStack, type ServerStackConfig } from '../../server/server-stack';

export const FAST_SCRYPT = { log2N: 12, r: 8, p: 1 };

export interface TestServer extends ServerStack {
  /** For the moderation API (Authorization: Bearer <token>); null only when a test turned the API off. */
  moderatorToken: string | null;
  /** The secret access tokens are signed with, for a restart that keeps them valid. */
  accessTokenSecret: Buffer;
}

export type TestServerOptions = Partial<Omit<ServerStackConfig, 'host'>>;

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const databasePath = options.databasePath ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-server-')), 'server.sqlite');
  const moderatorToken = options.moderatorToken === undefined ? randomBytes(32).toString('base64url') : options.moderatorToken;
  const accessTokenSecret = Buffer.from(options.accessTokenSecret ?? randomBytes(32));
  const stack = await startServerStack({
    passwordHashing: FAST_SCRYPT,
    ...options,
    host: '127.0.0.1',
    port: options.port ?? 0,
    databasePath,
    accessTokenSecret,
    moderatorToken,
  });
  return Object.assign(stack, { moderatorToken, accessTokenSecret });
}
