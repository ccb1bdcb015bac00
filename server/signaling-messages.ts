/**
 * What the signaling server does with each frame a client sends: rate
 * limit, parse against the shared wire protocol, then join, leave, next,
 * relay a signal to the partner, or keep a prepared offer, with the
 * matchmaking guard's safety rules applied to joining and pairing.
 */
import type { RawData, WebSocket } from 'ws';
import { clientMessageSchema, parseFrame, type ClientMessage, type ErrorCode, type ServerMessage } from '../src/shared/wire-protocol';
import type { Matchmaker, MatchmakerError, Outgoing } from './matchmaker';
import { restrictionMessage } from './moderation/account-standing';
import type { MatchmakingGuard, Restriction } from './moderation/matchmaking-guard';
import type { TokenBucket } from './token-bucket';

/** One signed-in client's socket. */
export interface Connection {
  id: string;
  accountId: string;
  sessionId: string;
  socket: WebSocket;
  unansweredPings: number;
  bucket: TokenBucket;
}

const ERROR_TEXT: Record<MatchmakerError | 'rate-limited', string> = {
  'not-in-call': 'You are not in a call right now.',
  'already-joined': 'You are already searching or in a call.',
  'stale-pair': 'That call has already ended.',
  'too-large': 'The server keeps no more signals for that offer.',
  'rate-limited': 'Too many messages; slow down.',
};

export interface SignalingMessagesOptions {
  matchmaker: Matchmaker;
  guard: MatchmakingGuard;
  connections: ReadonlyMap<string, Connection>;
  log: (event: string, details?: Record<string, unknown>) => void;
}

export interface SignalingMessages {
  send(to: string, message: ServerMessage): void;
  /** Sends the matchmaker's output, after recording the pairs in it. */
  deliver(outgoing: Outgoing[]): void;
  sendRestricted(to: string, restriction: Restriction): void;
  sendError(to: string, code: ErrorCode, message: string): void;
  onFrame(connection: Connection, data: RawData, isBinary: boolean): void;
}

export function createSignalingMessages({ matchmaker, guard, connections, log }: SignalingMessagesOptions): SignalingMessages {
  const send = (to: string, message: ServerMessage): void => {
    const connection = connections.get(to);
    if (connection && connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(message));
  };
  const deliver = (outgoing: Outgoing[]): void => {
    // Recorded before anyone hears of the pair, so a report or block of it always finds it.
    guard.recordFormedPairs(outgoing);
    for (const { to, message } of outgoing) send(to, message);
  };
  const sendRestricted = (to: string, restriction: Restriction): void => {
    send(to, { type: 'restricted', kind: restriction.kind, until: restriction.until, message: restrictionMessage(restriction) });
  };
  const sendError = (to: string, code: ErrorCode, message: string): void => send(to, { type: 'error', code, message });
  const deliverOrRefuse = (to: string, result: Outgoing[] | MatchmakerError): void => {
    if (typeof result === 'string') sendError(to, result, ERROR_TEXT[result]);
    else deliver(result);
  };

  const handle = (connection: Connection, message: ClientMessage): void => {
    const { id } = connection;
    switch (message.type) {
      case 'join': {
        const refusal = guard.joinRefusal(id);
        if (refusal) return sendRestricted(id, refusal);
        return deliverOrRefuse(id, matchmaker.join(id));
      }
      case 'leave':
        return deliver(matchmaker.leave(id));
      case 'next': {
        const refusal = guard.joinRefusal(id);
        if (refusal) {
          deliver(matchmaker.leave(id));
          return sendRestricted(id, refusal);
        }
        return deliverOrRefuse(id, matchmaker.next(id));
      }
      case 'signal': {
        const route = matchmaker.routeSignal(id, message.pairId);
        if (!route.ok) return sendError(id, route.error, ERROR_TEXT[route.error]);
        return send(route.to, { type: 'signal', pairId: message.pairId, data: message.data });
      }
      case 'prepared-signal':
        return deliverOrRefuse(id, matchmaker.addPreparedSignal(id, message.ticket, message.data));
    }
  };

  const onFrame = (connection: Connection, data: RawData, isBinary: boolean): void => {
    if (!connection.bucket.take()) return sendError(connection.id, 'rate-limited', ERROR_TEXT['rate-limited']);
    if (isBinary) return sendError(connection.id, 'bad-message', 'Binary frames are not part of the protocol.');
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    const parsed = parseFrame(clientMessageSchema, text);
    if (!parsed.ok) {
      log('rejected-message', { code: parsed.code });
      return sendError(connection.id, parsed.code, parsed.message);
    }
    handle(connection, parsed.value);
  };

  return { send, deliver, sendRestricted, sendError, onFrame };
}
