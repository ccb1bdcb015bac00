/**
 * The accounts API over HTTP, as a plain request handler for the server's
 * node:http server: routes and schemas from src/shared/accounts-api.ts, JSON
 * bodies only (which also keeps web pages from posting forms here), a body
 * size limit, and a JSON error with a status code for every failure. It
 * never logs a body, and a failure inside it never takes the server down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  ACCOUNTS_API_PREFIX,
  ACCOUNTS_ERROR_STATUS,
  MAX_ACCOUNTS_BODY_BYTES,
  accountsRoutes,
  type AccountsError,
  type AccountsErrorCode,
  type AccountsRouteName,
} from '../../src/shared/accounts-api';
import type { AccountService, ServiceError, ServiceResult } from './account-service';
import { addressRateLimitKey } from './client-address';

export interface AccountsHttpOptions {
  /** The rate-limit key of a request's sender; by default its socket address (set this behind a proxy). */
  clientAddress?: (request: IncomingMessage) => string;
  log?: (event: string, details?: Record<string, unknown>) => void;
}

type AccountsHttpHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

interface RouteContext {
  body: unknown;
  accountId: string;
  address: string;
}

class RequestError extends Error {
  constructor(readonly error: AccountsError) {
    super(error.message);
  }
}

const ROUTES = Object.entries(accountsRoutes) as [AccountsRouteName, (typeof accountsRoutes)[AccountsRouteName]][];

/** Returns a handler that answers every request under /api/accounts and returns false for anything else. */
export function createAccountsHttpHandler(service: AccountService, options: AccountsHttpOptions = {}): AccountsHttpHandler {
  const log = options.log ?? (() => {});
  const clientAddress = options.clientAddress ?? ((request: IncomingMessage) => addressRateLimitKey(request.socket.remoteAddress));

  // The body schema of each route is applied before these run, so each casts to its route's request type.
  const actions: Record<AccountsRouteName, (context: RouteContext) => Promise<ServiceResult<unknown>>> = {
    signUp: ({ body, address }) => service.signUp(body as z.output<typeof accountsRoutes.signUp.request>, address),
    signIn: ({ body, address }) => service.signIn(body as z.output<typeof accountsRoutes.signIn.request>, address),
    refresh: ({ body }) => service.refresh((body as z.output<typeof accountsRoutes.refresh.request>).refreshToken),
    signOut: ({ body }) => {
      const { refreshToken, everywhere } = body as z.output<typeof accountsRoutes.signOut.request>;
      return service.signOut(refreshToken, everywhere ?? false);
    },
    me: ({ accountId }) => service.profile(accountId),
    totpEnrol: ({ accountId }) => service.startTotpEnrolment(accountId),
    totpConfirm: ({ body, accountId }) =>
      service.confirmTotpEnrolment(accountId, (body as z.output<typeof accountsRoutes.totpConfirm.request>).code),
    totpDisable: ({ body, accountId, address }) => {
      const { password, secondFactor } = body as z.output<typeof accountsRoutes.totpDisable.request>;
      return service.disableTotp(accountId, password, secondFactor, address);
    },
    deleteAccount: ({ body, accountId, address }) =>
      service.deleteAccount(accountId, (body as z.output<typeof accountsRoutes.deleteAccount.request>).password, address),
  };

  return (request, response) => {
    const path = (request.url ?? '').split('?')[0]!;
    if (path !== ACCOUNTS_API_PREFIX && !path.startsWith(`${ACCOUNTS_API_PREFIX}/`)) return false;
    const started = performance.now();
    handle(path, request, response)
      .catch((error: unknown) => {
        if (error instanceof RequestError) return sendError(response, error.error);
        log('accounts-handler-error', { error: error instanceof Error ? error.message : String(error) });
        return sendError(response, { code: 'internal', message: 'Something went wrong on the server. Try again in a moment.' });
      })
      .catch(() => response.destroy())
      .finally(() => log('accounts-request', { path, status: response.statusCode, ms: Math.round(performance.now() - started) }));
    return true;
  };

  async function handle(path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const entry = ROUTES.find(([, route]) => route.path === path);
    if (!entry) throw new RequestError({ code: 'not-found', message: `There is no ${path} in the accounts API.` });
    const [name, route] = entry;
    if (request.method !== route.method) {
      response.setHeader('Allow', route.method);
      throw new RequestError({ code: 'method-not-allowed', message: `Use ${route.method} for ${path}.` });
    }

    let accountId = '';
    if (route.auth === 'access-token') {
      const token = bearerToken(request.headers.authorization);
      const checked = token === null ? null : await service.verifyAccessToken(token);
      if (!checked || !checked.ok) {
        response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new RequestError(checked?.error ?? { code: 'access-token-invalid', message: 'Send the access token as "Authorization: Bearer <token>".' });
      }
      accountId = checked.accountId;
    }

    let body: unknown;
    if (route.request) {
      const parsed = route.request.safeParse(await readJsonBody(request));
      if (!parsed.success) throw new RequestError(describeInvalidRequest(parsed.error));
      body = parsed.data;
    }

    const result = await actions[name]({ body, accountId, address: clientAddress(request) });
    if (!result.ok) return sendError(response, result.error);
    sendJson(response, route.successStatus, result.value);
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9._-]{1,1024})$/.exec(header ?? '');
  return match ? match[1]! : null;
}

/** Reads a JSON body up to the size limit; throws a RequestError for anything else. */
async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new RequestError({ code: 'unsupported-media-type', message: 'Send the request body as JSON, with "Content-Type: application/json".' });
  }
  const tooLarge: AccountsError = { code: 'too-large', message: `The request body is larger than ${MAX_ACCOUNTS_BODY_BYTES} bytes.` };
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_ACCOUNTS_BODY_BYTES) throw new RequestError(tooLarge);

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ACCOUNTS_BODY_BYTES) throw new RequestError(tooLarge);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestError({ code: 'bad-json', message: 'The request body is not valid JSON.' });
  }
}

function describeInvalidRequest(error: z.ZodError): AccountsError {
  const issues = error.issues.slice(0, 16).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, 128),
    message: issue.message.slice(0, 256),
  }));
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  return { code: 'invalid-request', message: `${where}${first?.message ?? 'The request is not valid.'}`.slice(0, 512), issues };
}

function sendError(response: ServerResponse, error: ServiceError | AccountsError): void {
  if (error.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(error.retryAfterSeconds));
  // The rest of an oversized body is not read: close the connection rather than drain it.
  if (error.code === 'too-large') response.setHeader('Connection', 'close');
  sendJson(response, ACCOUNTS_ERROR_STATUS[error.code as AccountsErrorCode], { error });
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    // Replies carry tokens and codes: no cache may keep them.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}
