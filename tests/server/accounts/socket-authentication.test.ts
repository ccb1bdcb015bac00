import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import {
  accessTokenFromProtocols,
  authenticateSocketRequest,
  selectSocketProtocol,
  type SocketAuthentication,
} from '../../../server/accounts/socket-authentication';
import { SOCKET_PROTOCOL, socketProtocolsFor } from '../../../src/shared/accounts-api';
import { createAccountsTestWorld, newPerson, type AccountsTestWorld } from './accounts-test-world';

describe('accessTokenFromProtocols', () => {
  it('takes the one token offered next to the protocol', () => {
    expect(accessTokenFromProtocols('cam-party.v1, cam-party.access-token.v1.abc.def')).toBe('v1.abc.def');
    expect(accessTokenFromProtocols(['cam-party.v1', 'cam-party.access-token.v1.abc.def'])).toBe('v1.abc.def');
  });

  it('finds nothing when no token, or more than one, is offered', () => {
    expect(accessTokenFromProtocols(undefined)).toBeNull();
    expect(accessTokenFromProtocols('cam-party.v1')).toBeNull();
    expect(accessTokenFromProtocols('cam-party.access-token.a, cam-party.access-token.b')).toBeNull();
  });

  it('selects the protocol, never the token', () => {
    expect(selectSocketProtocol(new Set(socketProtocolsFor('v1.abc.def')))).toBe(SOCKET_PROTOCOL);
    expect(selectSocketProtocol(new Set(['other']))).toBe(false);
  });
});

describe('authenticating a WebSocket upgrade on a real ws server', () => {
  let world: AccountsTestWorld;
  let http: Server;
  let wss: WebSocketServer;
  let url: string;
  const connectedAccounts: string[] = [];

  beforeEach(async () => {
    world = createAccountsTestWorld();
    connectedAccounts.length = 0;
    http = createServer();
    const authenticated = new WeakMap<IncomingMessage, SocketAuthentication & { ok: true }>();
    // The wiring the signaling server is meant to use.
    wss = new WebSocketServer({
      server: http,
      handleProtocols: selectSocketProtocol,
      verifyClient: (info, done) => {
        void authenticateSocketRequest(world.service, info.req).then((result) => {
          if (!result.ok) return done(false, result.status, 'Unauthorized');
          authenticated.set(info.req, result);
          done(true);
        });
      },
    });
    wss.on('connection', (socket, request) => {
      connectedAccounts.push(authenticated.get(request)!.accountId);
      socket.send('welcome');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await new Promise<void>((resolve) => http.close(() => resolve()));
    world.close();
  });

  /** Resolves with the selected protocol when the socket opens, or with the HTTP status that refused it. */
  const connect = (protocols: string[]) =>
    new Promise<{ opened: true; protocol: string } | { opened: false; status: number }>((resolve, reject) => {
      const socket = new WebSocket(url, protocols);
      socket.once('message', () => {
        resolve({ opened: true, protocol: socket.protocol });
        socket.close();
      });
      socket.once('unexpected-response', (_request, response) => {
        resolve({ opened: false, status: response.statusCode ?? 0 });
        response.resume();
        socket.terminate();
      });
      socket.once('error', (error) => {
        if (!/Unexpected server response/.test(error.message)) reject(error);
      });
    });

  const signedUp = async () => {
    const result = await world.service.signUp(newPerson(), '127.0.0.1');
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('opens the socket for a valid access token and knows its account', async () => {
    const session = await signedUp();
    expect(await connect(socketProtocolsFor(session.accessToken))).toEqual({ opened: true, protocol: SOCKET_PROTOCOL });
    expect(connectedAccounts).toEqual([session.account.id]);
  });

  it('refuses the upgrade with 401 without a token, with a bad, an expired or a revoked token', async () => {
    const session = await signedUp();
    expect(await connect([SOCKET_PROTOCOL])).toEqual({ opened: false, status: 401 });
    expect(await connect(socketProtocolsFor('v1.forged.' + 'A'.repeat(43)))).toEqual({ opened: false, status: 401 });
    // A token alone, without the protocol, is not enough either.
    expect(await connect([`cam-party.access-token.${session.accessToken}`])).toEqual({ opened: false, status: 401 });

    world.clock.advance(10 * 60_000);
    expect(await connect(socketProtocolsFor(session.accessToken))).toEqual({ opened: false, status: 401 });
    world.clock.advance(-10 * 60_000);

    await world.service.signOut(session.refreshToken);
    expect(await connect(socketProtocolsFor(session.accessToken))).toEqual({ opened: false, status: 401 });
    expect(connectedAccounts).toEqual([]);
  });
});
