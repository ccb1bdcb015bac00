/**
 * Reports, blocks and the moderation queue over HTTP, as a plain request
 * handler for the server's node:http server (like the accounts handler):
 * routes and schemas from src/shared/moderation-api.ts, JSON bodies only,
 * a body size limit per route, and a JSON error with a status code for every
 * failure. People authenticate with their access token; moderators with the
 * moderator token. It never logs a body (evidence stays out of the logs),
 * and a failure inside it never takes the server down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeInvalidRequest, JsonRequestError, readJsonBody, sendJson, sendJsonError } from '../json-http';
import type { z } from 'zod';
import { matchApiRoute } from '../../src/shared/api-routes';
import {
  MODERATION_ERROR_STATUS,
  MODERATION_ROUTE_NAMES,
  isModerationApiPath,
  moderationRoutes,
  type ModerationError,
  type ModerationErrorCode,
  type ModerationRouteName,
} from '../../src/shared/moderation-api';
import type { AccessCheck } from '../accounts/account-service';
import { addressRateLimitKey } from '../accounts/client-address';
import { SlidingWindowLimiter, type SlidingWindowLimit } from '../accounts/sliding-window-limiter';
import type { BlockList } from './block-list';
import type { ModerationQueue } from './moderation-queue';
import type { ModerationResult, ModerationServiceError } from './moderation-result';
import { ModeratorTokenCheck } from './moderator-token';
import type { ReportService } from './report-service';

/** What the handler needs from accounts: checking an access token (AccountService does). */
export interface AccessTokenVerifier {
  verifyAccessToken(token: unknown): Promise<AccessCheck>;
}

export interface ModerationHttpServices {
  accounts: AccessTokenVerifier;
  reports: ReportService;
  blocks: BlockList;
  queue: ModerationQueue;
  /** Null turns the moderation API off (503); reports and blocks keep working. */
  moderatorToken: string | null;
}

export interface ModerationHttpOptions {
  /** The rate-limit key of a request's sender; by default its socket address (set this behind a proxy). */
  clientAddress?: (request: IncomingMessage) => string;
  now?: () => number;
  /** Wrong moderator tokens from one address before it has to wait. */
  moderatorTokenFailures?: SlidingWindowLimit;
  log?: (event: string, details?: Record<string, unknown>) => void;
}

type ModerationHttpHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

interface RouteContext {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  accountId: string;
}

/** A refused request, answered with the API's own error. */
class RequestError extends JsonRequestError<ModerationError> {}

const DEFAULT_MODERATOR_TOKEN_FAILURES: SlidingWindowLimit = { limit: 10, windowMs: 15 * 60_000 };

/** Returns a handler that answers every request under /api/reports, /api/blocks and /api/moderation, and returns false for anything else. */
export function createModerationHttpHandler(services: ModerationHttpServices, options: ModerationHttpOptions = {}): ModerationHttpHandler {
  const log = options.log ?? (() => {});
  const clientAddress = options.clientAddress ?? ((request: IncomingMessage) => addressRateLimitKey(request.socket.remoteAddress));
  const moderatorToken = new ModeratorTokenCheck(services.moderatorToken);
  const tokenFailures = new SlidingWindowLimiter(
    options.moderatorTokenFailures ?? DEFAULT_MODERATOR_TOKEN_FAILURES,
    options.now ?? Date.now,
  );

  // Each route's schemas are applied before these run, so each casts to its route's types.
  type Out<T extends ModerationRouteName> = z.output<NonNullable<(typeof moderationRoutes)[T]['request']>>;
  const actions: Record<ModerationRouteName, (context: RouteContext) => Promise<ModerationResult<unknown>>> = {
    fileReport: ({ accountId, body }) => services.reports.fileReport(accountId, body as Out<'fileReport'>),
    reportDetails: ({ accountId, params, body }) => services.reports.addDetails(accountId, params.reportId!, body as Out<'reportDetails'>),
    block: ({ accountId, body }) => services.blocks.blockPartner(accountId, (body as Out<'block'>).pairId),
    listBlocks: ({ accountId }) => services.blocks.list(accountId),
    unblock: ({ accountId, body }) => services.blocks.unblock(accountId, (body as Out<'unblock'>).accountId),
    moderationList: ({ query }) => services.queue.listOpen(query.limit as number | undefined),
    moderationShow: ({ params }) => services.queue.show(params.reportRef!),
    moderationResolve: ({ params, body }) => services.queue.resolve(params.reportRef!, body as Out<'moderationResolve'>),
  };

  return (request, response) => {
    const [path = '', queryString = ''] = (request.url ?? '').split('?', 2);
    if (!isModerationApiPath(path)) return false;
    const started = performance.now();
    handle(path, queryString, request, response)
      .catch((error: unknown) => {
        if (error instanceof JsonRequestError) return sendError(response, error.error as ModerationError);
        log('moderation-handler-error', { error: error instanceof Error ? error.message : String(error) });
        return sendError(response, { code: 'internal', message: 'Something went wrong on the server. Try again in a moment.' });
      })
      .catch(() => response.destroy())
      .finally(() =>
        log('moderation-request', { path: loggablePath(path), status: response.statusCode, ms: Math.round(performance.now() - started) }),
      );
    return true;
  };

  async function handle(path: string, queryString: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = matchApiRoute(MODERATION_ROUTE_NAMES, request.method ?? '', path);
    if (!match.found && match.allowed.length === 0) {
      throw new RequestError({ code: 'not-found', message: `There is no ${path.slice(0, 200)} in the safety API.` });
    }
    if (!match.found) {
      const allowed = match.allowed.join(', ');
      response.setHeader('Allow', allowed);
      throw new RequestError({ code: 'method-not-allowed', message: `Use ${allowed} for ${path.slice(0, 200)}.` });
    }
    const { name } = match;
    const route = moderationRoutes[name];

    let accountId = '';
    if (route.auth === 'access-token') accountId = await authenticatePerson(request, response);
    else authenticateModerator(request, response);

    const params = route.params ? validate(route.params, match.params) : {};
    const query = route.query ? validate(route.query, Object.fromEntries(new URLSearchParams(queryString))) : {};
    const body = route.request
      ? validate(
          route.request,
          await readJsonBody(request, route.maxBodyBytes, name === 'fileReport' ? reportTooLarge(route.maxBodyBytes) : undefined),
        )
      : undefined;

    const result = await actions[name]({
      params: params as Record<string, string>,
      query: query as Record<string, unknown>,
      body,
      accountId,
    });
    if (!result.ok) return sendError(response, result.error);
    sendJson(response, result.created === false ? 200 : route.successStatus, result.value);
  }

  async function authenticatePerson(request: IncomingMessage, response: ServerResponse): Promise<string> {
    const match = /^Bearer ([A-Za-z0-9._-]{1,1024})$/.exec(request.headers.authorization ?? '');
    const checked = match ? await services.accounts.verifyAccessToken(match[1]) : null;
    if (checked?.ok) return checked.accountId;
    response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    throw new RequestError(
      checked?.error.code === 'access-token-expired'
        ? { code: 'access-token-expired', message: checked.error.message }
        : {
            code: 'access-token-invalid',
            message: checked?.error.message ?? 'Sign in first: send the access token as "Authorization: Bearer <token>".',
          },
    );
  }

  function authenticateModerator(request: IncomingMessage, response: ServerResponse): void {
    if (!moderatorToken.enabled) {
      throw new RequestError({
        code: 'moderation-disabled',
        message: 'The moderation API is off on this server: start it with CAM_PARTY_MODERATOR_TOKEN set to turn it on.',
      });
    }
    const address = clientAddress(request);
    const wait = tokenFailures.retryAfterMs(address);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new RequestError({
        code: 'rate-limited',
        message: `Too many wrong moderator tokens. Try again in ${seconds} seconds.`,
        retryAfterSeconds: seconds,
      });
    }
    const match = /^Bearer (\S{1,1024})$/.exec(request.headers.authorization ?? '');
    if (match && moderatorToken.matches(match[1]!)) return;
    tokenFailures.record(address);
    log('moderator-token-refused', { address });
    response.setHeader('WWW-Authenticate', 'Bearer realm="moderation"');
    throw new RequestError({
      code: 'moderator-token-invalid',
      message: match ? 'That moderator token is not right.' : 'The moderation API needs "Authorization: Bearer <moderator token>".',
    });
  }
}

function validate(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RequestError(describeInvalidRequest(parsed.error));
  return parsed.data;
}

/** Report ids in paths are not secret, but a log line needs only the route's shape. */
function loggablePath(path: string): string {
  return path.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}(?=\/|$)/gi, '/:id').slice(0, 200);
}

function sendError(response: ServerResponse, error: ModerationServiceError | ModerationError): void {
  sendJsonError(response, MODERATION_ERROR_STATUS[error.code as ModerationErrorCode], error);
}

function reportTooLarge(maxBytes: number): string {
  return `The report is larger than ${maxBytes / 1024} KB. Attach a still frame of at most 300 KB and at most 20 chat messages.`;
}
