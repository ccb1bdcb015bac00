/**
 * Authenticates a WebSocket upgrade from the access token the client offers
 * as a subprotocol ("cam-party.access-token.<token>", next to "cam-party.v1";
 * see src/shared/accounts-api.ts). Checking it at the upgrade means no socket
 * exists for a client without a valid token, and the token never sits in a
 * URL. The server selects only "cam-party.v1", so the token is not echoed.
 */
import type { IncomingMessage } from 'node:http';
import { ACCESS_TOKEN_PROTOCOL_PREFIX, SOCKET_PROTOCOL } from '../../src/shared/accounts-api';
import type { AccountService, ServiceError } from './account-service';

export type SocketAuthentication = { ok: true; accountId: string; sessionId: string } | { ok: false; status: 401; error: ServiceError };

/** The token from a Sec-WebSocket-Protocol header, or null when there is none (or more than one). */
export function accessTokenFromProtocols(header: string | string[] | undefined): string | null {
  const offered = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol.startsWith(ACCESS_TOKEN_PROTOCOL_PREFIX));
  if (offered.length !== 1) return null;
  return offered[0]!.slice(ACCESS_TOKEN_PROTOCOL_PREFIX.length);
}

/** For ws's `handleProtocols` option: answer with the protocol, never with the token. */
export function selectSocketProtocol(protocols: Set<string>): string | false {
  return protocols.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false;
}

export async function authenticateSocketRequest(service: AccountService, request: IncomingMessage): Promise<SocketAuthentication> {
  const protocols = request.headers['sec-websocket-protocol'];
  const offersProtocol = (Array.isArray(protocols) ? protocols.join(',') : (protocols ?? ''))
    .split(',')
    .some((protocol) => protocol.trim() === SOCKET_PROTOCOL);
  const token = accessTokenFromProtocols(protocols);
  if (!offersProtocol || token === null) {
    return {
      ok: false,
      status: 401,
      error: {
        code: 'access-token-invalid',
        message: `Sign in first: offer the subprotocols "${SOCKET_PROTOCOL}" and "${ACCESS_TOKEN_PROTOCOL_PREFIX}<access token>".`,
      },
    };
  }
  const checked = await service.verifyAccessToken(token);
  return checked.ok ? checked : { ok: false, status: 401, error: checked.error };
}
