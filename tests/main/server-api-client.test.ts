/**
 * The server's HTTP APIs from main when the server misbehaves: every
 * expected failure comes back as a value with a code to act on and a
 * sentence for people, against real sockets on 127.0.0.1.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SERVER_FAILURES, ServerApiClient, type ApiRoute } from '../../src/main/server-api-client';
import { closedPortUrl, startMisbehavingServer, type Misbehaviour, type MisbehavingServer } from './fixtures/misbehaving-server';

const probe = {
  method: 'POST',
  path: '/v1/probe',
  request: z.strictObject({ hello: z.string() }),
  response: z.strictObject({ answer: z.number() }),
  successStatus: 200,
} as const satisfies ApiRoute;

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('ServerApiClient', () => {
  it('answers "server-unreachable" when nothing listens', async () => {
    const client = ServerApiClient.fromSocketUrl(await closedPortUrl());
    expect(await client.call(probe, { body: { hello: 'x' } })).toEqual({ ok: false, error: SERVER_FAILURES.unreachable });
  });

  it.each<[Misbehaviour, unknown]>([
    ['error-500', SERVER_FAILURES.failing],
    ['proxy-502', SERVER_FAILURES.failing],
    ['not-json', SERVER_FAILURES.notUnderstood],
    ['drop', SERVER_FAILURES.unreachable],
  ])('answers a server that does "%s" with a value', async (behaviour, error) => {
    server = await startMisbehavingServer(behaviour);
    const reply = await ServerApiClient.fromSocketUrl(server.url).call(probe, { body: { hello: 'x' } });
    expect(reply).toEqual({ ok: false, error });
    expect(server.requests).toBe(1);
  });

  it.each<Misbehaviour>(['hang', 'stall-body'])('gives up on a server that does "%s" after its time limit', async (behaviour) => {
    server = await startMisbehavingServer(behaviour);
    const client = ServerApiClient.fromSocketUrl(server.url, { timeoutMs: 150 });
    const arrived = server.received();
    const reply = client.call(probe, { body: { hello: 'x' } });
    await arrived;
    expect(await reply).toEqual({ ok: false, error: SERVER_FAILURES.timeout });
  });

  it("passes the server's own refusal through, and checks a good answer against the route", async () => {
    const answers: Array<[number, unknown]> = [
      [429, { error: { code: 'rate-limited', message: 'Too many tries. Wait a minute.', retryAfterSeconds: 60 } }],
      [200, { answer: 42 }],
      [200, { answer: 'not a number' }],
    ];
    const real = http.createServer((_request, response) => {
      const [status, body] = answers.shift()!;
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
    const client = ServerApiClient.fromSocketUrl(`ws://127.0.0.1:${(real.address() as AddressInfo).port}`);
    try {
      expect(await client.call(probe, { body: { hello: 'x' } })).toEqual({
        ok: false,
        error: { code: 'rate-limited', message: 'Too many tries. Wait a minute.', retryAfterSeconds: 60 },
      });
      expect(await client.call(probe, { body: { hello: 'x' } })).toEqual({ ok: true, value: { answer: 42 } });
      expect(await client.call(probe, { body: { hello: 'x' } })).toEqual({ ok: false, error: SERVER_FAILURES.notUnderstood });
    } finally {
      await new Promise((resolve) => real.close(resolve));
    }
  });

  it('refuses to send a body the route does not accept, without a request', async () => {
    server = await startMisbehavingServer('error-500');
    const reply = await ServerApiClient.fromSocketUrl(server.url).call(probe, { body: { hello: 1 } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(server.requests).toBe(0);
  });
});
