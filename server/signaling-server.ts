/**
 * The matchmaking and signaling service: one WebSocket per client, every
 * frame validated against the shared wire protocol, signals relayed only
 * between the two partners of a pair, and heartbeats that free a partner
 * within a second of a silent disconnect.
 */
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import {
  clientMessageSchema,
  parseFrame,
  MAX_MESSAGE_BYTES,
  type ClientMessage,
  type ErrorCode,
  type IceServer,
  type ServerMessage,
} from '../src/shared/wire-protocol';
import { Matchmaker, type MatchmakerError, type Outgoing } from './matchmaker';
import { InMemoryWaitingQueue, type WaitingQueue } from './waiting-queue';
import { TokenBucket } from './token-bucket';
import type { AccountService } from './accounts/account-service';
import { createAccountsHttpHandler } from './accounts/accounts-http-handler';
import { authenticateSocketRequest, selectSocketProtocol } from './accounts/socket-authentication';
import { restrictionMessage } from './moderation/account-standing';
import { createMatchmakingGuard, type Restriction } from './moderation/matchmaking-guard';
import type { Moderation } from './moderation/moderation-stack';

export interface SignalingServerOptions {
  host: string;
  port: number;
  iceServers?: IceServer[];
  /** How often each socket is pinged; a socket that answers none of two pings in a row is dropped. */
  heartbeatIntervalMs?: number;
  queue?: WaitingQueue;
  /**
   * Accounts: serves the accounts API and admits only sockets that present
   * a valid access token. Left out only by tests of the signaling layer alone.
   */
  accounts?: AccountService;
  /** Safety (reports, blocks, standing, the moderation API); needs `accounts`. */
  moderation?: Moderation;
  log?: (event: string, details?: Record<string, unknown>) => void;
}

export interface RunningSignalingServer {
  url: string;
  port: number;
  stats(): { clients: number; waiting: number; pairs: number };
  close(): Promise<void>;
}

/** Frames larger than this close the socket outright; smaller oversize frames get an error reply. */
const HARD_FRAME_LIMIT_BYTES = 256 * 1024;

const ERROR_TEXT: Record<MatchmakerError | 'rate-limited', string> = {
  'not-in-call': 'You are not in a call right now.',
  'already-joined': 'You are already searching or in a call.',
  'stale-pair': 'That call has already ended.',
  'too-large': 'The server keeps no more signals for that offer.',
  'rate-limited': 'Too many messages; slow down.',
};

interface Connection {
  id: string;
  /** The signed-in account behind this socket (null only when the server runs without accounts). */
  accountId: string | null;
  sessionId: string | null;
  socket: WebSocket;
  unansweredPings: number;
  bucket: TokenBucket;
}

const newId = (): string => randomBytes(12).toString('base64url');

export async function startSignalingServer(options: SignalingServerOptions): Promise<RunningSignalingServer> {
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 250;
  const log = options.log ?? (() => {});
  const connections = new Map<string, Connection>();
  const guard = options.moderation
    ? createMatchmakingGuard({ ...options.moderation, accountOf: (clientId) => connections.get(clientId)?.accountId ?? null })
    : null;
  const matchmaker = new Matchmaker({
    queue: options.queue ?? new InMemoryWaitingQueue(),
    newId,
    ...(guard && { mayMeet: (a: string, b: string) => guard.mayMeet(a, b) }),
  });

  const handleAccounts = options.accounts ? createAccountsHttpHandler(options.accounts, { log }) : null;
  const http: HttpServer = createServer((request, response) => {
    if (handleAccounts?.(request, response)) return;
    if (options.moderation?.handler(request, response)) return;
    if (request.url === '/healthz') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ ok: true }));
      return;
    }
    response.writeHead(426, { 'Content-Type': 'text/plain' });
    response.end('Cam-Party signaling: connect with a WebSocket.\n');
  });
  const accounts = options.accounts;
  const admitted = new WeakMap<IncomingMessage, { accountId: string; sessionId: string }>();
  const wss = new WebSocketServer({
    server: http,
    maxPayload: HARD_FRAME_LIMIT_BYTES,
    ...(accounts && {
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
    }),
  });
  // Signing out (or a replayed refresh token) ends that session's socket at once.
  const stopListening = accounts?.onSessionsEnded(({ sessionIds }) => {
    for (const connection of connections.values()) {
      if (connection.sessionId !== null && sessionIds.includes(connection.sessionId)) connection.socket.close(4401, 'Signed out');
    }
  });

  const send = (to: string, message: ServerMessage): void => {
    const connection = connections.get(to);
    if (connection && connection.socket.readyState === connection.socket.OPEN) {
      connection.socket.send(JSON.stringify(message));
    }
  };
  const deliver = (outgoing: Outgoing[]): void => {
    // Recorded before anyone hears of the pair, so a report or block of it always finds it.
    guard?.recordFormedPairs(outgoing);
    for (const { to, message } of outgoing) send(to, message);
  };
  const sendRestricted = (to: string, restriction: Restriction): void => {
    send(to, { type: 'restricted', kind: restriction.kind, until: restriction.until, message: restrictionMessage(restriction) });
  };
  // A suspension or ban takes the account out of the queue and out of its call at once.
  const stopRestrictions = options.moderation?.standing.onRestricted(({ accountId, standing }) => {
    for (const connection of connections.values()) {
      if (connection.accountId !== accountId) continue;
      deliver(matchmaker.leave(connection.id));
      sendRestricted(connection.id, standing);
    }
  });
  const sendError = (to: string, code: ErrorCode, message: string): void => {
    send(to, { type: 'error', code, message });
  };

  const handle = (connection: Connection, message: ClientMessage): void => {
    switch (message.type) {
      case 'join': {
        const refusal = guard?.joinRefusal(connection.id);
        if (refusal) return sendRestricted(connection.id, refusal);
        const result = matchmaker.join(connection.id);
        if (typeof result === 'string') sendError(connection.id, result, ERROR_TEXT[result]);
        else deliver(result);
        return;
      }
      case 'leave':
        deliver(matchmaker.leave(connection.id));
        return;
      case 'next': {
        const refusal = guard?.joinRefusal(connection.id);
        if (refusal) {
          deliver(matchmaker.leave(connection.id));
          return sendRestricted(connection.id, refusal);
        }
        const result = matchmaker.next(connection.id);
        if (typeof result === 'string') sendError(connection.id, result, ERROR_TEXT[result]);
        else deliver(result);
        return;
      }
      case 'signal': {
        const route = matchmaker.routeSignal(connection.id, message.pairId);
        if (!route.ok) sendError(connection.id, route.error, ERROR_TEXT[route.error]);
        else send(route.to, { type: 'signal', pairId: message.pairId, data: message.data });
        return;
      }
      case 'prepared-signal': {
        const result = matchmaker.addPreparedSignal(connection.id, message.ticket, message.data);
        if (typeof result === 'string') sendError(connection.id, result, ERROR_TEXT[result]);
        else deliver(result);
        return;
      }
    }
  };

  const onFrame = (connection: Connection, data: RawData, isBinary: boolean): void => {
    if (!connection.bucket.take()) {
      sendError(connection.id, 'rate-limited', ERROR_TEXT['rate-limited']);
      return;
    }
    if (isBinary) {
      sendError(connection.id, 'bad-message', 'Binary frames are not part of the protocol.');
      return;
    }
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    const parsed = parseFrame(clientMessageSchema, text);
    if (!parsed.ok) {
      log('rejected-message', { code: parsed.code });
      sendError(connection.id, parsed.code, parsed.message);
      return;
    }
    handle(connection, parsed.value);
  };

  wss.on('connection', (socket, request) => {
    const identity = admitted.get(request);
    const connection: Connection = {
      id: newId(),
      accountId: identity?.accountId ?? null,
      sessionId: identity?.sessionId ?? null,
      socket,
      unansweredPings: 0,
      bucket: new TokenBucket(120, 60),
    };
    connections.set(connection.id, connection);
    socket.on('pong', () => {
      connection.unansweredPings = 0;
    });
    socket.on('message', (data, isBinary) => {
      try {
        onFrame(connection, data, isBinary);
      } catch (error) {
        // A bug in handling one frame must never take the service down for everyone.
        log('handler-error', { error: error instanceof Error ? error.message : String(error) });
        sendError(connection.id, 'bad-message', 'The server could not handle that message.');
      }
    });
    socket.on('close', () => {
      connections.delete(connection.id);
      deliver(matchmaker.disconnect(connection.id));
    });
    socket.on('error', (error) => log('socket-error', { error: error.message }));
    send(connection.id, {
      type: 'welcome',
      clientId: connection.id,
      iceServers: options.iceServers ?? [],
      heartbeatIntervalMs,
    });
  });

  const heartbeat = setInterval(() => {
    for (const connection of connections.values()) {
      // Two silent intervals (at most 750 ms by default) mean the peer is gone.
      if (connection.unansweredPings >= 2) {
        connection.socket.terminate();
        continue;
      }
      connection.unansweredPings += 1;
      connection.socket.ping();
    }
  }, heartbeatIntervalMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  log('listening', { host: options.host, port, maxMessageBytes: MAX_MESSAGE_BYTES });

  return {
    url: `ws://${hostForUrl}:${port}`,
    port,
    stats: () => ({ clients: connections.size, waiting: matchmaker.waitingCount, pairs: matchmaker.pairCount }),
    close: async () => {
      clearInterval(heartbeat);
      stopListening?.();
      stopRestrictions?.();
      for (const connection of connections.values()) connection.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
