/**
 * A real server for safety tests, from the same composition root as
 * `npm start`: a SQLite file in a fresh temp folder, real accounts and access
 * tokens, the moderation stack and its HTTP API on 127.0.0.1, all on one clock
 * the test moves. `restart()` closes the server and starts it again on the
 * same file, as a server restart would.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { signUpResponseSchema } from '../../../src/shared/accounts-api';
import { moderationErrorResponseSchema, type ModerationErrorCode } from '../../../src/shared/moderation-api';
import type { AccountService } from '../../../server/accounts/account-service';
import type { Db } from '../../../server/database';
import type { Moderation } from '../../../server/moderation/moderation-stack';
import type { ServerStackConfig } from '../../../server/server-stack';
import { startTestServer, type TestServer } from '../../support/test-server';
import { newPerson } from '../accounts/accounts-test-world';
import { ManualClock } from '../manual-clock';

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

type WorldOptions = Pick<ServerStackConfig, 'reportLimits' | 'autoSuspension' | 'moderatorTokenFailures'> & {
  moderatorToken?: string | null;
};

export interface ModerationTestWorld {
  dir: string;
  databasePath: string;
  readonly db: Db;
  readonly accounts: AccountService;
  readonly moderation: Moderation;
  readonly base: string;
  clock: ManualClock;
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
  const moderatorToken = options.moderatorToken === undefined ? MODERATOR_TOKEN : options.moderatorToken;
  // Tests here jump days ahead and run the purges themselves; no socket needs a heartbeat.
  const clock = new ManualClock({ runTimers: false });
  const logs: string[] = [];
  const log = (event: string, details?: Record<string, unknown>): void => void logs.push(JSON.stringify({ event, ...details }));
  const config = {
    ...options,
    moderatorToken,
    clock,
    log,
    // Tests move the clock by days; the tokens they hold must outlive that.
    accessTokenTtlMs: 365 * 24 * 60 * 60 * 1000,
  };
  let server: TestServer = await startTestServer(config);
  const { databasePath, accessTokenSecret } = server;
  const dir = path.dirname(databasePath);

  const api: ModerationTestWorld['api'] = async (method, urlPath, { token, body, headers = {} } = {}) => {
    const response = await fetch(`${server.httpUrl}${urlPath}`, {
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

  return {
    dir,
    databasePath,
    get db() {
      return server.db;
    },
    get accounts() {
      return server.accounts;
    },
    get moderation() {
      return server.moderation;
    },
    get base() {
      return server.httpUrl;
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
      server.moderation.pairHistory.record({
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
      await server.close();
      server = await startTestServer({ ...config, databasePath, accessTokenSecret });
    },
    async close() {
      await server.close();
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
