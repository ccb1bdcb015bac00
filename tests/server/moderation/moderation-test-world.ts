/**
 * A real safety stack for tests: a SQLite file in a fresh temp folder, the
 * accounts service (for real accounts and access tokens), the moderation
 * stack on the same database, and both HTTP handlers mounted on a node:http
 * server on 127.0.0.1, all with one clock the test moves. `restart()` closes
 * the database and opens the same file again, as a server restart would.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { signUpResponseSchema } from '../../../src/shared/accounts-api';
import { moderationErrorResponseSchema, type ModerationErrorCode } from '../../../src/shared/moderation-api';
import { AccountService } from '../../../server/accounts/account-service';
import { createAccountsHttpHandler } from '../../../server/accounts/accounts-http-handler';
import { PasswordHasher } from '../../../server/accounts/password-hasher';
import { SqliteAccountRepository } from '../../../server/accounts/sqlite-account-repository';
import { openDatabase, type Db } from '../../../server/database';
import { createModeration, type Moderation, type ModerationOptions } from '../../../server/moderation/moderation-stack';
import { FAST_SCRYPT, newPerson } from '../accounts/accounts-test-world';

export const MODERATOR_TOKEN = `mod-${randomBytes(24).toString('base64url')}`;

export interface Person {
  accountId: string;
  username: string;
  password: string;
  accessToken: string;
}

export interface CallBetween {
  pairId: string;
  startedAt: number;
  /** What each side was shown as during the call. */
  aliasOf: Map<string, string>;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  json: unknown;
}

type WorldOptions = Pick<ModerationOptions, 'reportLimits' | 'autoSuspension' | 'moderatorTokenFailures'> & {
  moderatorToken?: string | null;
};

export interface ModerationTestWorld {
  dir: string;
  databasePath: string;
  readonly db: Db;
  readonly accounts: AccountService;
  readonly moderation: Moderation;
  readonly base: string;
  clock: { now: () => number; advance: (ms: number) => void };
  logs: string[];
  signUp(label?: string): Promise<Person>;
  /** Records a call between two people as the matchmaker would. */
  callBetween(a: Person, b: Person): CallBetween;
  api(
    method: 'GET' | 'POST',
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiAnswer>;
  moderatorApi(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiAnswer>;
  /** Lets writes scheduled for right after this turn of the event loop (recent pairs) happen. */
  settle(): Promise<void>;
  /** Closes the server and the database, then opens the same file again with a fresh stack. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function createModerationTestWorld(options: WorldOptions = {}): Promise<ModerationTestWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-moderation-'));
  const databasePath = path.join(dir, 'server.sqlite');
  const accessTokenSecret = randomBytes(32);
  const moderatorToken = options.moderatorToken === undefined ? MODERATOR_TOKEN : options.moderatorToken;
  // A fixed start in 2030, so clock moves in tests are exact.
  let time = Date.UTC(2030, 0, 15, 12, 0, 0);
  const clock = { now: () => time, advance: (ms: number) => void (time += ms) };
  const logs: string[] = [];
  const log = (event: string, details?: Record<string, unknown>): void => void logs.push(JSON.stringify({ event, ...details }));

  let db!: Db;
  let accounts!: AccountService;
  let moderation!: Moderation;
  let server!: Server;
  let base = '';

  const open = async (): Promise<void> => {
    db = openDatabase(databasePath);
    accounts = new AccountService({
      repository: new SqliteAccountRepository(db),
      accessTokenSecret,
      now: clock.now,
      passwordHasher: new PasswordHasher(FAST_SCRYPT),
      // Tests move the clock by days; the tokens they hold must outlive that.
      accessTokenTtlMs: 365 * 24 * 60 * 60 * 1000,
      log,
    });
    moderation = await createModeration({ db, accounts, moderatorToken, now: clock.now, log, ...options });
    const handleAccounts = createAccountsHttpHandler(accounts, { log });
    server = createServer((request, response) => {
      if (handleAccounts(request, response) || moderation.handler(request, response)) return;
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('rest of the server');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const shut = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (db.open) {
      moderation.close();
      db.close();
    }
  };

  const api: ModerationTestWorld['api'] = async (method, urlPath, { token, body, headers = {} } = {}) => {
    const response = await fetch(`${base}${urlPath}`, {
      method,
      headers: {
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...(token !== undefined && { Authorization: `Bearer ${token}` }),
        ...headers,
      },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
  };

  await open();
  return {
    dir,
    databasePath,
    get db() {
      return db;
    },
    get accounts() {
      return accounts;
    },
    get moderation() {
      return moderation;
    },
    get base() {
      return base;
    },
    clock,
    logs,
    async signUp(label = 'person') {
      const person = newPerson(label);
      const answer = await api('POST', '/api/accounts/sign-up', { body: person });
      if (answer.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(answer.json)}`);
      const session = signUpResponseSchema.parse(answer.json);
      return {
        accountId: session.account.id,
        username: session.account.username,
        password: person.password,
        accessToken: session.accessToken,
      };
    },
    callBetween(a, b) {
      const pairId = randomBytes(12).toString('base64url');
      const aliasOf = new Map([
        [a.accountId, randomBytes(12).toString('base64url')],
        [b.accountId, randomBytes(12).toString('base64url')],
      ]);
      const startedAt = clock.now();
      moderation.pairHistory.record({
        pairId,
        startedAt,
        sides: [
          { accountId: a.accountId, alias: aliasOf.get(a.accountId)! },
          { accountId: b.accountId, alias: aliasOf.get(b.accountId)! },
        ],
      });
      return { pairId, startedAt, aliasOf };
    },
    api,
    settle: () => new Promise<void>((resolve) => setImmediate(resolve)),
    moderatorApi: (method, urlPath, body) => api(method, urlPath, { token: moderatorToken ?? 'none', body }),
    async restart() {
      await shut();
      await open();
    },
    async close() {
      await shut();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh report body for a call, with the given evidence. */
export function reportBody(call: CallBetween, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { reportId: randomUUID(), pairId: call.pairId, callStartedAt: call.startedAt + 40, chatExcerpt: [], ...extra };
}

/** Asserts the shape every error answer has and returns it. */
export function errorOf(
  answer: ApiAnswer,
  status: number,
  code: ModerationErrorCode,
): { code: string; message: string; retryAfterSeconds?: number } {
  const parsed = moderationErrorResponseSchema.safeParse(answer.json);
  if (answer.status !== status || !parsed.success || parsed.data.error.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${answer.status} ${JSON.stringify(answer.json)}`);
  }
  if (answer.headers.get('cache-control') !== 'no-store') throw new Error('error answers must not be cached');
  if (parsed.data.error.message.length < 15) throw new Error(`error message too short to help: ${parsed.data.error.message}`);
  return parsed.data.error;
}
