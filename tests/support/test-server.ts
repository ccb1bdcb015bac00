/**
 * The real server for tests: signaling, matchmaking and the accounts API on
 * 127.0.0.1, with its SQLite database in a fresh temp folder. scrypt runs
 * for real at a lower cost so sign-ups stay fast in tests.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../server/database';
import { AccountService } from '../../server/accounts/account-service';
import { PasswordHasher } from '../../server/accounts/password-hasher';
import { SqliteAccountRepository } from '../../server/accounts/sqlite-account-repository';
import { startSignalingServer, type RunningSignalingServer } from '../../server/signaling-server';
import { createModeration, type Moderation, type ModerationOptions } from '../../server/moderation/moderation-stack';

export interface TestServer extends RunningSignalingServer {
  db: Db;
  databasePath: string;
  accounts: AccountService;
  moderation: Moderation;
  /** For the moderation API (Authorization: Bearer <token>). */
  moderatorToken: string;
}

export interface TestServerOptions {
  port?: number;
  databasePath?: string;
  /** Benchmarks file many reports in a minute; everything else keeps the production limits. */
  reportLimits?: ModerationOptions['reportLimits'];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const databasePath = options.databasePath ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-server-')), 'server.sqlite');
  const db = openDatabase(databasePath);
  const accounts = new AccountService({
    repository: new SqliteAccountRepository(db),
    accessTokenSecret: randomBytes(32),
    passwordHasher: new PasswordHasher({ log2N: 12, r: 8, p: 1 }),
  });
  const moderatorToken = randomBytes(32).toString('base64url');
  const moderation = await createModeration({ db, accounts, moderatorToken, reportLimits: options.reportLimits });
  const server = await startSignalingServer({ host: '127.0.0.1', port: options.port ?? 0, accounts, moderation });
  return {
    ...server,
    db,
    databasePath,
    accounts,
    moderation,
    moderatorToken,
    close: async () => {
      await server.close();
      moderation.close();
      db.close();
    },
  };
}
