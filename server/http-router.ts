/**
 * The server's HTTP side: each API handler answers the calls of its own in
 * the shared route table (src/shared/api-routes.ts) and declines the rest;
 * the health check answers for operators; anything else is told to connect
 * with a WebSocket.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchApiRoute } from '../src/shared/api-routes';
import { sendJson } from './json-http';

/** Answers the request and returns true, or returns false when it is not one of its calls. */
export type HttpApiHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

export function createHttpRouter(handlers: readonly HttpApiHandler[]): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    for (const handle of handlers) if (handle(request, response)) return;
    const path = (request.url ?? '').split('?')[0]!;
    if (matchApiRoute(['health'], request.method ?? '', path).found) return sendJson(response, 200, { ok: true });
    response.writeHead(426, { 'Content-Type': 'text/plain' });
    response.end('Cam-Party signaling: connect with a WebSocket.\n');
  };
}
