import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountsHttpHandler } from '../../../server/accounts/accounts-http-handler';
import {
  MAX_ACCOUNTS_BODY_BYTES,
  accountResponseSchema,
  accountsErrorResponseSchema,
  sessionResponseSchema,
  signInResponseSchema,
  signUpResponseSchema,
  totpConfirmResponseSchema,
  totpEnrolResponseSchema,
  type AccountsErrorCode,
} from '../../../src/shared/accounts-api';
import { createAccountsTestWorld, newPerson, type AccountsTestWorld } from './accounts-test-world';

describe('accounts HTTP API on a real node:http server', () => {
  let world: AccountsTestWorld;
  let server: Server;
  let base: string;
  const handlerLogs: string[] = [];

  const start = async (): Promise<void> => {
    const handle = createAccountsHttpHandler(world.service, {
      log: (event, details) => handlerLogs.push(JSON.stringify({ event, ...details })),
    });
    server = createServer((req, res) => {
      if (handle(req, res)) return;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('rest of the server');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeEach(async () => {
    world = createAccountsTestWorld();
    handlerLogs.length = 0;
    await start();
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    world.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const expectError = async (response: Response, status: number, code: AccountsErrorCode) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = accountsErrorResponseSchema.parse(await response.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    return body.error;
  };
  const stillServing = async () => {
    const response = await fetch(`${base}/healthz`);
    expect(await response.text()).toBe('rest of the server');
  };
  const signUp = async (person = newPerson()) => {
    const response = await post('/api/accounts/sign-up', person);
    expect(response.status).toBe(201);
    return { person, session: signUpResponseSchema.parse(await response.json()) };
  };

  it('runs sign-up, profile, sign-in, refresh and sign-out end to end', async () => {
    const { person, session } = await signUp();
    const me = await fetch(`${base}/api/accounts/me`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
    expect(me.status).toBe(200);
    expect(accountResponseSchema.parse(await me.json()).account.username).toBe(person.username);

    const signedIn = await post('/api/accounts/sign-in', { email: person.email, password: person.password });
    expect(signedIn.status).toBe(200);
    const signInBody = signInResponseSchema.parse(await signedIn.json());

    const refreshed = await post('/api/accounts/refresh', { refreshToken: signInBody.refreshToken });
    expect(refreshed.status).toBe(200);
    const refreshedBody = sessionResponseSchema.parse(await refreshed.json());

    expect((await post('/api/accounts/sign-out', { refreshToken: refreshedBody.refreshToken })).status).toBe(200);
    await expectError(await post('/api/accounts/refresh', { refreshToken: refreshedBody.refreshToken }), 401, 'refresh-token-invalid');
    await expectError(await post('/api/accounts/refresh', { refreshToken: signInBody.refreshToken }), 401, 'refresh-token-invalid');
  });

  it('answers wrong passwords and unknown accounts with the same 401', async () => {
    const { person } = await signUp();
    const wrong = await expectError(
      await post('/api/accounts/sign-in', { email: person.email, password: 'wrong password' }),
      401,
      'invalid-credentials',
    );
    const unknown = await expectError(
      await post('/api/accounts/sign-in', { email: 'nobody@example.test', password: 'x' }),
      401,
      'invalid-credentials',
    );
    expect(unknown).toEqual(wrong);
  });

  it('answers brute force with 429, a Retry-After header and a clear message', async () => {
    const { person } = await signUp();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expectError(
        await post('/api/accounts/sign-in', { email: person.email, password: `guess ${attempt}` }),
        401,
        'invalid-credentials',
      );
    }
    const response = await post('/api/accounts/sign-in', { email: person.email, password: person.password });
    expect(response.headers.get('retry-after')).toBe('900');
    const error = await expectError(response, 429, 'rate-limited');
    expect(error).toMatchObject({ message: 'Too many failed sign-in attempts. Try again in 15 minutes.', retryAfterSeconds: 900 });
  });

  it('answers expired and revoked access tokens with 401 and WWW-Authenticate', async () => {
    const { session } = await signUp();
    const me = () => fetch(`${base}/api/accounts/me`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
    world.clock.advance(10 * 60_000);
    const expired = await me();
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    await expectError(expired, 401, 'access-token-expired');
    world.clock.advance(-10 * 60_000);
    expect((await me()).status).toBe(200);
    await post('/api/accounts/sign-out', { refreshToken: session.refreshToken });
    await expectError(await me(), 401, 'access-token-invalid');
  });

  it('answers every kind of malformed request with a clear error, and keeps serving', async () => {
    const cases: [Promise<Response>, number, AccountsErrorCode][] = [
      [post('/api/accounts/sign-in', '{"email": "a@b.co", '), 400, 'bad-json'],
      [post('/api/accounts/sign-in', ''), 400, 'bad-json'],
      [post('/api/accounts/sign-in', 'null'), 400, 'invalid-request'],
      [post('/api/accounts/sign-in', '[1,2,3]'), 400, 'invalid-request'],
      [post('/api/accounts/sign-in', '"just a string"'), 400, 'invalid-request'],
      [post('/api/accounts/sign-in', { email: 'not-an-email', password: 'x' }), 400, 'invalid-request'],
      [post('/api/accounts/sign-in', { email: 'a@b.co', password: 12345 }), 400, 'invalid-request'],
      [post('/api/accounts/sign-in', { email: 'a@b.co', password: 'x', isAdmin: true }), 400, 'invalid-request'],
      [post('/api/accounts/sign-in', { email: 'a@b.co', password: 'x', secondFactor: { kind: 'sms', code: '1' } }), 400, 'invalid-request'],
      [post('/api/accounts/sign-up', { email: 'a@b.co', username: 'x', password: 'short' }), 400, 'invalid-request'],
      [post('/api/accounts/refresh', { refreshToken: 'too-short' }), 400, 'invalid-request'],
      [post('/api/accounts/refresh', { refreshToken: { $ne: null } }), 400, 'invalid-request'],
      [
        post('/api/accounts/sign-in', 'email=a@b.co&password=x', { 'Content-Type': 'application/x-www-form-urlencoded' }),
        415,
        'unsupported-media-type',
      ],
      [post('/api/accounts/sign-in', '{}', { 'Content-Type': 'text/plain' }), 415, 'unsupported-media-type'],
      [post('/api/accounts/sign-in', 'x'.repeat(MAX_ACCOUNTS_BODY_BYTES + 1)), 413, 'too-large'],
      [post('/api/accounts/sign-in', 'x'.repeat(5_000_000)), 413, 'too-large'],
      [post('/api/accounts/nope', {}), 404, 'not-found'],
      [post('/api/accounts', {}), 404, 'not-found'],
      [fetch(`${base}/api/accounts/sign-in`), 405, 'method-not-allowed'],
      [fetch(`${base}/api/accounts/me`, { method: 'DELETE' }), 405, 'method-not-allowed'],
      [fetch(`${base}/api/accounts/me`), 401, 'access-token-invalid'],
      [fetch(`${base}/api/accounts/me`, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'access-token-invalid'],
      [fetch(`${base}/api/accounts/me`, { headers: { Authorization: 'Bearer v1.garbage.garbage' } }), 401, 'access-token-invalid'],
      [post('/api/accounts/totp/enrol', {}, { Authorization: `Bearer ${'x'.repeat(5000)}` }), 401, 'access-token-invalid'],
    ];
    for (const [response, status, code] of cases) await expectError(await response, status, code);
    await stillServing();
  });

  it('names each wrong field of an invalid request', async () => {
    const error = await expectError(
      await post('/api/accounts/sign-up', { email: 'nope', username: 'a b', password: 'short' }),
      400,
      'invalid-request',
    );
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['email', 'password', 'username']);
    expect(error.message).toMatch(/^(email|username|password): /);
    expect(error.issues?.find((issue) => issue.path === 'password')?.message).toBe('Use at least 10 characters for your password.');
  });

  it('refuses an oversized body sent in chunks, without a Content-Length', async () => {
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        `${base}/api/accounts/sign-in`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      // Chunked: four 8 KiB writes.
      for (let chunk = 0; chunk < 4; chunk += 1) request.write('x'.repeat(8 * 1024));
      request.end();
    });
    expect(response.status).toBe(413);
    expect(accountsErrorResponseSchema.parse(JSON.parse(response.body)).error.code).toBe('too-large');
    await stillServing();
  });

  it('answers 500 with a JSON error when storage fails, and keeps serving', async () => {
    const { person } = await signUp();
    world.db.close();
    const error = await expectError(
      await post('/api/accounts/sign-in', { email: person.email, password: person.password }),
      500,
      'internal',
    );
    expect(error.message).toBe('Something went wrong on the server. Try again in a moment.');
    expect(handlerLogs.some((line) => line.includes('accounts-handler-error'))).toBe(true);
    await stillServing();
  });

  it('leaves other paths to the rest of the server, and ignores query strings on its own', async () => {
    expect(await (await fetch(`${base}/api/accountsX`)).text()).toBe('rest of the server');
    expect(await (await fetch(`${base}/`)).text()).toBe('rest of the server');
    const { session } = await signUp();
    expect((await fetch(`${base}/api/accounts/me?x=1`, { headers: { Authorization: `Bearer ${session.accessToken}` } })).status).toBe(200);
  });

  it('runs TOTP enrolment, a sign-in with a code, a reused code and a recovery code over HTTP', async () => {
    const { person, session } = await signUp();
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const enrolled = totpEnrolResponseSchema.parse(await (await post('/api/accounts/totp/enrol', {}, auth)).json());
    const code = (at: number) => TOTP.generate({ secret: Secret.fromBase32(enrolled.secret), timestamp: at });
    const confirmed = await post('/api/accounts/totp/confirm', { code: code(world.clock.now()) }, auth);
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = totpConfirmResponseSchema.parse(await confirmed.json());

    await expectError(
      await post('/api/accounts/sign-in', { email: person.email, password: person.password }),
      401,
      'second-factor-required',
    );
    world.clock.advance(30_000);
    const withCode = { email: person.email, password: person.password, secondFactor: { kind: 'totp', code: code(world.clock.now()) } };
    expect((await post('/api/accounts/sign-in', withCode)).status).toBe(200);
    await expectError(await post('/api/accounts/sign-in', withCode), 401, 'second-factor-reused');
    const withRecovery = { email: person.email, password: person.password, secondFactor: { kind: 'recovery', code: recoveryCodes[3] } };
    const recovered = await post('/api/accounts/sign-in', withRecovery);
    expect(recovered.status).toBe(200);
    expect(signInResponseSchema.parse(await recovered.json()).recoveryCodesLeft).toBe(9);
    await expectError(await post('/api/accounts/sign-in', withRecovery), 401, 'invalid-second-factor');
  });

  it('deletes the account over HTTP after the password', async () => {
    const { person, session } = await signUp();
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    await expectError(await post('/api/accounts/delete', { password: 'wrong password' }, auth), 401, 'invalid-credentials');
    const deleted = await post('/api/accounts/delete', { password: person.password }, auth);
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ deleted: true });
    await expectError(await fetch(`${base}/api/accounts/me`, { headers: auth }), 401, 'access-token-invalid');
  });

  it('logs routes and statuses, never bodies, passwords or tokens', async () => {
    const { person, session } = await signUp();
    await post('/api/accounts/sign-in', { email: person.email, password: 'a wrong password' });
    await post('/api/accounts/refresh', { refreshToken: session.refreshToken });
    const log = [...handlerLogs, ...world.logs].join('\n');
    expect(log).toContain('"path":"/api/accounts/sign-in","status":401');
    for (const secret of [person.password, 'a wrong password', session.refreshToken, session.accessToken])
      expect(log).not.toContain(secret);
  });
});
