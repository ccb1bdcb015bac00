/**
 * Expected failures come back through the bridge as values the page can
 * show, never as throws: the server stopped, answering 500 or nonsense, or
 * not answering at all; the keychain locked at start or failing mid-run.
 * The services are the app's own (the composition root), the servers real
 * sockets on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../src/main/app-protocol';
import { dispatchBridgeCall } from '../../src/main/bridge-dispatch';
import type { MainServiceParts } from '../../src/main/create-main-services';
import type { KeychainApi } from '../../src/main/os-keychain';
import { SafetyActions } from '../../src/main/safety-actions';
import { SERVER_FAILURES, ServerApiClient } from '../../src/main/server-api-client';
import type { BridgeMethod } from '../../src/shared/bridge-contract';
import { openTestMainServices, type TestMainServices } from '../support/main-services';
import { startTestServer } from '../support/test-server';
import { closedPortUrl, startMisbehavingServer, type Misbehaviour } from './fixtures/misbehaving-server';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openServices(serverUrl: string, overrides: Partial<MainServiceParts> = {}): Promise<TestMainServices> {
  const services = await openTestMainServices(serverUrl, undefined, overrides);
  cleanups.push(() => services.dispose());
  return services;
}

async function misbehavingServer(behaviour: Misbehaviour) {
  const server = await startMisbehavingServer(behaviour);
  cleanups.push(() => server.close());
  return server;
}

const bridgeCall = (services: TestMainServices, method: BridgeMethod, input?: unknown) =>
  dispatchBridgeCall({ method, input, senderUrl: APP_ENTRY_URL }, { handlers: services.handlers, trustedOrigins: [APP_ORIGIN] });

const newPerson = () => ({
  email: `p-${randomUUID()}@example.org`,
  username: `p-${randomUUID().slice(0, 8)}`,
  password: 'a long test password',
});
const signIn = { email: 'someone@example.org', password: 'a long test password' };
const report = { reportId: randomUUID(), pairId: 'pair-1', callStartedAt: 1_700_000_000_000, chatExcerpt: [] };

/** keytar as the vault sees it, over a map, failing the way `failure` says (an OS keychain cannot be made to fail on cue). */
function keychainThat(failure: (call: 'set' | 'get' | 'delete', account: string) => Error | null): KeychainApi {
  const items = new Map<string, string>();
  const run = <T>(call: 'set' | 'get' | 'delete', account: string, answer: () => T): Promise<T> => {
    const error = failure(call, account);
    return error ? Promise.reject(error) : Promise.resolve(answer());
  };
  return {
    setPassword: (_service, account, password) => run('set', account, () => void items.set(account, password)),
    getPassword: (_service, account) => run('get', account, () => items.get(account) ?? null),
    deletePassword: (_service, account) => run('delete', account, () => items.delete(account)),
  };
}

describe('with the server stopped', () => {
  it('every account and safety call answers a value', async () => {
    const services = await openServices(await closedPortUrl());
    expect(await bridgeCall(services, 'signUp', newPerson())).toEqual({ ok: false, error: SERVER_FAILURES.unreachable });
    expect(await bridgeCall(services, 'signIn', signIn)).toEqual({ ok: false, error: SERVER_FAILURES.unreachable });
    expect(await bridgeCall(services, 'getAccountState')).toEqual({ ok: true, value: { status: 'signed-out' } });
    for (const [method, input] of [
      ['fileReport', report],
      ['blockPartner', { pairId: 'pair-1' }],
      ['listBlocks', undefined],
      ['getSocketAccess', { fresh: true }],
    ] as const) {
      expect(await bridgeCall(services, method, input)).toEqual({
        ok: false,
        error: { code: 'refresh-token-invalid', message: 'Sign in first.' },
      });
    }
    expect(await bridgeCall(services, 'signOut')).toEqual({ ok: true, value: { status: 'signed-out' } });
    expect(await bridgeCall(services, 'updateSettings', { chatLogRetention: '7d' })).toMatchObject({ ok: true });
  });
});

describe('with the server misbehaving', () => {
  it.each<[Misbehaviour, object]>([
    ['error-500', SERVER_FAILURES.failing],
    ['proxy-502', SERVER_FAILURES.failing],
    ['not-json', SERVER_FAILURES.notUnderstood],
    ['drop', SERVER_FAILURES.unreachable],
  ])('sign-up and sign-in answer a server that does "%s" with a value', async (behaviour, error) => {
    const server = await misbehavingServer(behaviour);
    const services = await openServices(server.url);
    expect(await bridgeCall(services, 'signUp', newPerson())).toEqual({ ok: false, error });
    expect(await bridgeCall(services, 'signIn', signIn)).toEqual({ ok: false, error });
    expect(await bridgeCall(services, 'getAccountState')).toEqual({ ok: true, value: { status: 'signed-out' } });
  });

  it('sign-in gives up on a server that never answers, with "timeout"', async () => {
    const server = await misbehavingServer('hang');
    const services = await openServices(server.url, { serverRequestTimeoutMs: 150 });
    const arrived = server.received();
    const reply = bridgeCall(services, 'signIn', signIn);
    await arrived;
    expect(await reply).toEqual({ ok: false, error: SERVER_FAILURES.timeout });
  });

  it('a report is retried while the server answers 500, then answered as "server-error"', async () => {
    const accountsServer = await startTestServer();
    cleanups.push(() => accountsServer.close());
    const services = await openServices(accountsServer.url);
    expect(await bridgeCall(services, 'signUp', newPerson())).toMatchObject({ ok: true });
    const failing = await misbehavingServer('error-500');
    const retries: number[] = [];
    const safety = new SafetyActions(ServerApiClient.fromSocketUrl(failing.url), services.account, async (ms) => void retries.push(ms));
    expect(await safety.fileReport(report)).toEqual({ ok: false, error: SERVER_FAILURES.failing });
    expect(failing.requests).toBe(4);
    expect(retries).toEqual([200, 800, 2000]);
  });
});

describe('with the keychain', () => {
  it('locked at start, the vault falls back and signing up works and says where the sign-in is kept', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const locked = keychainThat(() => new Error('Cannot create an item in a locked collection'));
    const services = await openServices(server.url, { loadKeychain: () => locked });
    expect(await bridgeCall(services, 'signUp', newPerson())).toMatchObject({ ok: true });
    expect(await bridgeCall(services, 'getAccountState')).toMatchObject({
      ok: true,
      value: { status: 'signed-in', persistence: 'encrypted-file' },
    });
  });

  it('failing mid-run, signing up answers a value and nobody is left half signed in', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const crashing = keychainThat((call, account) =>
      call === 'set' && !account.startsWith('cam-party:') ? new Error('The keychain daemon crashed') : null,
    );
    const services = await openServices(server.url, { loadKeychain: () => crashing });
    expect(await bridgeCall(services, 'signUp', newPerson())).toEqual({
      ok: false,
      error: { code: 'credential-store-failed', message: expect.stringMatching(/could not keep your sign-in/) },
    });
    expect(await bridgeCall(services, 'getAccountState')).toEqual({ ok: true, value: { status: 'signed-out' } });
  });
});
