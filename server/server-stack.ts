/**
 * The one place the server is assembled: the database, accounts, safety
 * (reports, blocks, standing, the moderation API), matchmaking and
 * signaling, the HTTP APIs, and the hourly purge, all on one port and one
 * clock. `npm run server`, `npm start`, the tests and the benchmarks all
 * start the server through `startServerStack`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IceServer } from '../src/shared/wire-protocol';
import { AccountService } from './accounts/account-service';
import { createAccountsHttpHandler } from './accounts/accounts-http-handler';
import { PasswordHasher, type ScryptParameters } from './accounts/password-hasher';
import { SqliteAccountRepository } from './accounts/sqlite-account-repository';
import { systemClock, type Clock } from './clock';
import { openDatabase, type Db } from './database';
import { createHttpRouter } from './http-router';
import { createModeration, type Moderation, type ModerationOptions } from './moderation/moderation-stack';
import { attachSignaling } from './signaling-server';

export type ServerLog = (event: string, details?: Record<string, unknown>) => void;

export interface ServerStackConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The SQLite file; its folder is created when missing. */
  databasePath: string;
  iceServers?: IceServer[];
  /** At least 32 random bytes; every process that accepts sockets needs the same one. */
  accessTokenSecret: Uint8Array;
  /** Null turns the moderation API off (reports and blocks keep working). */
  moderatorToken: string | null;
  /** scrypt's cost; the production default unless a test needs faster sign-ups. */
  passwordHashing?: ScryptParameters;
  accessTokenTtlMs?: number;
  reportLimits?: ModerationOptions['reportLimits'];
  autoSuspension?: ModerationOptions['autoSuspension'];
  moderatorTokenFailures?: ModerationOptions['moderatorTokenFailures'];
  heartbeatIntervalMs?: number;
  clock?: Clock;
  log?: ServerLog;
}

export interface ServerStack {
  /** The socket URL, ws://host:port. */
  url: string;
  /** The same server for the HTTP APIs, http://host:port. */
  httpUrl: string;
  port: number;
  databasePath: string;
  db: Db;
  accounts: AccountService;
  moderation: Moderation;
  stats(): { clients: number; waiting: number; pairs: number };
  /** Stops accepting, ends every socket, writes what is in memory and closes the database. */
  close(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 5_000;

export async function startServerStack(config: ServerStackConfig): Promise<ServerStack> {
  const clock = config.clock ?? systemClock;
  const log = config.log ?? (() => {});
  const db = openDatabase(config.databasePath);
  const accounts = new AccountService({
    repository: new SqliteAccountRepository(db),
    accessTokenSecret: config.accessTokenSecret,
    now: clock.now,
    passwordHasher: new PasswordHasher(config.passwordHashing),
    accessTokenTtlMs: config.accessTokenTtlMs,
    log,
  });
  const moderation = await createModeration({
    db,
    accounts,
    moderatorToken: config.moderatorToken,
    now: clock.now,
    reportLimits: config.reportLimits,
    autoSuspension: config.autoSuspension,
    moderatorTokenFailures: config.moderatorTokenFailures,
    log,
  });
  if (!config.moderatorToken) log('moderation-api-disabled', { hint: 'set CAM_PARTY_MODERATOR_TOKEN to turn the moderation API on' });

  const http = createServer(createHttpRouter([createAccountsHttpHandler(accounts, { log }), moderation.handler]));
  const signaling = attachSignaling(http, {
    iceServers: config.iceServers ?? [],
    heartbeatIntervalMs: config.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
    accounts,
    moderation,
    clock,
    log,
  });
  const stopPurge = clock.every(HOUR_MS, () => {
    void accounts.purgeExpired();
    void moderation.pairHistory.purgeExpired();
  });

  try {
    await listen(http, config.host, config.port);
  } catch (error) {
    stopPurge();
    await signaling.close();
    moderation.close();
    db.close();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  log('listening', { host: config.host, port });

  return {
    url: `ws://${hostForUrl}:${port}`,
    httpUrl: `http://${hostForUrl}:${port}`,
    port,
    databasePath: config.databasePath,
    db,
    accounts,
    moderation,
    stats: signaling.stats,
    close: async () => {
      stopPurge();
      await signaling.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      moderation.close();
      db.close();
    },
  };
}

function listen(http: ReturnType<typeof createServer>, host: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
}
