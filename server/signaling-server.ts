/**
 * The matchmaking and signaling service on an HTTP server: one WebSocket per
 * signed-in client (refused at the upgrade without a valid access token),
 * every frame validated against the shared wire protocol (signaling-messages.ts),
 * signals relayed only between the two partners of a pair, heartbeats that
 * free a partner after a silent disconnect, and sockets closed at once when
 * their session ends or their account is suspended.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { WebSocketServer } from 'ws';
import type { IceServer } from '../src/shared/wire-protocol';
import type { AccountService } from './accounts/account-service';
import { authenticateSocketRequest, selectSocketProtocol } from './accounts/socket-authentication';
import type { Clock } from './clock';
import { Matchmaker } from './matchmaker';
import { createMatchmakingGuard } from './moderation/matchmaking-guard';
import type { Moderation } from './moderation/moderation-stack';
import { createSignalingMessages, type Connection } from './signaling-messages';
import { answeredPing, startHeartbeat } from './socket-heartbeat';
import { TokenBucket } from './token-bucket';
import { InMemoryWaitingQueue, type WaitingQueue } from './waiting-queue';

export interface SignalingOptions {
  iceServers: IceServer[];
  /** How often each socket is pinged; a socket that answers none of two pings in a row is dropped. */
  heartbeatIntervalMs: number;
  /** Admits only sockets that present a valid access token. */
  accounts: AccountService;
  /** Blocks, standing and the pair history the matchmaker records into. */
  moderation: Moderation;
  clock: Clock;
  queue?: WaitingQueue;
  log: (event: string, details?: Record<string, unknown>) => void;
}

export interface SignalingService {
  stats(): { clients: number; waiting: number; pairs: number };
  close(): Promise<void>;
}

/** Frames larger than this close the socket outright; smaller oversize frames get an error reply. */
const HARD_FRAME_LIMIT_BYTES = 256 * 1024;
/** Messages per client: a burst of this many, then this many per second. */
const MESSAGE_BURST = 120;
const MESSAGES_PER_SECOND = 60;

const newId = (): string => randomBytes(12).toString('base64url');

export function attachSignaling(http: HttpServer, options: SignalingOptions): SignalingService {
  const { accounts, moderation, clock, log } = options;
  const connections = new Map<string, Connection>();
  const guard = createMatchmakingGuard({
    ...moderation,
    now: clock.now,
    accountOf: (clientId) => connections.get(clientId)?.accountId ?? null,
  });
  const matchmaker = new Matchmaker({
    queue: options.queue ?? new InMemoryWaitingQueue(),
    newId,
    mayMeet: (a: string, b: string) => guard.mayMeet(a, b),
  });
  const messages = createSignalingMessages({ matchmaker, guard, connections, log });

  const admitted = new WeakMap<IncomingMessage, { accountId: string; sessionId: string }>();
  const wss = new WebSocketServer({
    server: http,
    maxPayload: HARD_FRAME_LIMIT_BYTES,
    handleProtocols: selectSocketProtocol,
    // Refused at the upgrade (401): no socket, no queue entry, for anyone not signed in.
    verifyClient: (info: { req: IncomingMessage }, done: (ok: boolean, status?: number, reason?: string) => void) => {
      authenticateSocketRequest(accounts, info.req).then(
        (result) => {
          if (!result.ok) return done(false, 401, 'Unauthorized');
          admitted.set(info.req, { accountId: result.accountId, sessionId: result.sessionId });
          done(true);
        },
        () => done(false, 500, 'Internal Server Error'),
      );
    },
  });
  // Signing out (or a replayed refresh token) ends that session's socket at once.
  const stopSessionWatch = accounts.onSessionsEnded(({ sessionIds }) => {
    for (const connection of connections.values()) {
      if (sessionIds.includes(connection.sessionId)) connection.socket.close(4401, 'Signed out');
    }
  });
  // A suspension or ban takes the account out of the queue and out of its call at once.
  const stopRestrictionWatch = moderation.standing.onRestricted(({ accountId, standing }) => {
    for (const connection of connections.values()) {
      if (connection.accountId !== accountId) continue;
      messages.deliver(matchmaker.leave(connection.id));
      messages.sendRestricted(connection.id, standing);
    }
  });

  wss.on('connection', (socket, request) => {
    const identity = admitted.get(request)!;
    const connection: Connection = {
      id: newId(),
      ...identity,
      socket,
      unansweredPings: 0,
      bucket: new TokenBucket(MESSAGE_BURST, MESSAGES_PER_SECOND, clock.now),
    };
    connections.set(connection.id, connection);
    socket.on('pong', () => answeredPing(connection));
    socket.on('message', (data, isBinary) => {
      try {
        messages.onFrame(connection, data, isBinary);
      } catch (error) {
        // A bug in handling one frame must never take the service down for everyone.
        log('handler-error', { error: error instanceof Error ? error.message : String(error) });
        messages.sendError(connection.id, 'bad-message', 'The server could not handle that message.');
      }
    });
    socket.on('close', () => {
      connections.delete(connection.id);
      messages.deliver(matchmaker.disconnect(connection.id));
    });
    socket.on('error', (error) => log('socket-error', { error: error.message }));
    messages.send(connection.id, {
      type: 'welcome',
      clientId: connection.id,
      iceServers: options.iceServers,
      heartbeatIntervalMs: options.heartbeatIntervalMs,
    });
  });

  const stopHeartbeat = startHeartbeat({ [Symbol.iterator]: () => connections.values() }, clock, options.heartbeatIntervalMs);

  return {
    stats: () => ({ clients: connections.size, waiting: matchmaker.waitingCount, pairs: matchmaker.pairCount }),
    close: async () => {
      stopHeartbeat();
      stopSessionWatch();
      stopRestrictionWatch();
      for (const connection of connections.values()) connection.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
