/**
 * The accounts API over HTTP, as a plain request handler for the server's
 * node:http server: routes and schemas from src/shared/accounts-api.ts, JSON
 * bodies only (which also keeps web pages from posting forms here), a body
 * size limit, and a JSON error with a status code for every failure. It
 * never logs a body, and a failure inside it never takes the server down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeInvalidRequest, JsonRequestError, readJsonBody, sendJson, sendJsonError } from '../json-http';
import type { z } from 'zod';
import { isUnderPrefix, matchApiRoute } from '../../src/shared/api-routes';
import {
  ACCOUNTS_API_PREFIX,
  ACCOUNTS_ERROR_STATUS,
  ACCOUNTS_ROUTE_NAMES,
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

/** A refused request, answered with the API's own error. */
class RequestError extends JsonRequestError<AccountsError> {}

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
    if (!isUnderPrefix(ACCOUNTS_API_PREFIX, path)) return false;
    const started = performance.now();
    handle(path, request, response)
      .catch((error: unknown) => {
        if (error instanceof JsonRequestError) return sendError(response, error.error as AccountsError);
        log('accounts-handler-error', { error: error instanceof Error ? error.message : String(error) });
        return sendError(response, { code: 'internal', message: 'Something went wrong on the server. Try again in a moment.' });
      })
      .catch(() => response.destroy())
      .finally(() => log('accounts-request', { path, status: response.statusCode, ms: Math.round(performance.now() - started) }));
    return true;
  };

  async function handle(path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = matchApiRoute(ACCOUNTS_ROUTE_NAMES, request.method ?? '', path);
    if (!match.found && match.allowed.length === 0) {
      throw new RequestError({ code: 'not-found', message: `There is no ${path.slice(0, 200)} in the accounts API.` });
    }
    if (!match.found) {
      response.setHeader('Allow', match.allowed.join(', '));
      throw new RequestError({ code: 'method-not-allowed', message: `Use ${match.allowed.join(', ')} for ${path.slice(0, 200)}.` });
    }
    const name = match.name;
    const route = accountsRoutes[name];

    let accountId = '';
    if (route.auth === 'access-token') {
      const token = bearerToken(request.headers.authorization);
      const checked = token === null ? null : await service.verifyAccessToken(token);
      if (!checked || !checked.ok) {
        response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new RequestError(
          checked?.error ?? { code: 'access-token-invalid', message: 'Send the access token as "Authorization: Bearer <token>".' },
        );
      }
      accountId = checked.accountId;
    }

    let body: unknown;
    if (route.request) {
      const parsed = route.request.safeParse(await readJsonBody(request, MAX_ACCOUNTS_BODY_BYTES));
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

function sendError(response: ServerResponse, error: ServiceError | AccountsError): void {
  sendJsonError(response, ACCOUNTS_ERROR_STATUS[error.code as AccountsErrorCode], error);
}
