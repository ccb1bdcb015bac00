/**
 * Calls the server's HTTP APIs (accounts, reports, blocks) from the main
 * process through the shared route tables: the request body is validated
 * before it leaves, the answer against the route's schema, and errors come
 * back as the API's own error objects, never as exceptions. Every request
 * has a time limit, and a server that is away, failing or answering
 * nonsense is told apart in a sentence the person can act on.
 */
import type { z } from 'zod';
import { apiErrorResponseSchema, type ApiError } from '../shared/api-error';
import { routePath } from '../shared/api-routes';

export interface ApiRoute {
  method: 'GET' | 'POST';
  path: string;
  request: z.ZodType | null;
  response: z.ZodType;
  successStatus: number;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** How long one request may take, answer included, before it ends as 'timeout'. */
export const SERVER_REQUEST_TIMEOUT_MS = 10_000;

export interface ServerApiOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Failures that happen before or around the server's own answer. */
export const SERVER_FAILURES = {
  unreachable: { code: 'server-unreachable', message: 'Cannot reach the Cam-Party server. Check your connection and try again.' },
  timeout: { code: 'timeout', message: 'The Cam-Party server took too long to answer. Try again in a moment.' },
  failing: { code: 'server-error', message: 'The Cam-Party server has a problem right now. Try again in a moment.' },
  notUnderstood: {
    code: 'server-error',
    message: 'The Cam-Party server answered in a way this app does not understand. Try again later, or update the app.',
  },
} as const satisfies Record<string, ApiError>;

const isTimeout = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'TimeoutError';

/** The route's path with its `:name` segments filled in; a missing value is the caller's invalid request. */
function filledPath(
  template: string,
  params: Record<string, string> | undefined,
): { ok: true; path: string } | { ok: false; error: ApiError } {
  try {
    return { ok: true, path: routePath(template, params) };
  } catch (error) {
    return { ok: false, error: { code: 'invalid-request', message: error instanceof Error ? error.message : 'The request is not valid.' } };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface ApiCall {
  body?: unknown;
  /** Values for the route's `:name` path segments. */
  params?: Record<string, string>;
  accessToken?: string;
}

export class ServerApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(
    /** The server's HTTP origin, e.g. http://127.0.0.1:8787 (the socket URL with http instead of ws). */
    readonly origin: string,
    options: ServerApiOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? SERVER_REQUEST_TIMEOUT_MS;
  }

  static fromSocketUrl(socketUrl: string, options?: ServerApiOptions): ServerApiClient {
    return new ServerApiClient(socketUrl.replace(/^ws(s?):/, 'http$1:').replace(/\/$/, ''), options);
  }

  async call<R extends ApiRoute>(route: R, input: ApiCall = {}): Promise<ApiResult<z.output<R['response']>>> {
    const filled = filledPath(route.path, input.params);
    if (!filled.ok) return filled;
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: string | undefined;
    if (route.request) {
      const checked = route.request.safeParse(input.body ?? {});
      if (!checked.success) {
        return { ok: false, error: { code: 'invalid-request', message: checked.error.issues[0]?.message ?? 'The request is not valid.' } };
      }
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(input.body ?? {});
    }
    if (input.accessToken) headers.Authorization = `Bearer ${input.accessToken}`;
    let status: number;
    let text: string;
    try {
      // The limit covers the body too: a server that sends headers and then stalls also times out.
      const response = await this.fetchImpl(`${this.origin}${filled.path}`, {
        method: route.method,
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      return { ok: false, error: isTimeout(error) ? SERVER_FAILURES.timeout : SERVER_FAILURES.unreachable };
    }
    const json = parseJson(text);
    if (status === route.successStatus || (status === 200 && route.successStatus === 201)) {
      const parsed = route.response.safeParse(json);
      return parsed.success
        ? { ok: true, value: parsed.data as z.output<R['response']> }
        : { ok: false, error: SERVER_FAILURES.notUnderstood };
    }
    const error = apiErrorResponseSchema.safeParse(json);
    if (status >= 500) {
      const retryAfterSeconds = error.success ? error.data.error.retryAfterSeconds : undefined;
      return { ok: false, error: { ...SERVER_FAILURES.failing, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) } };
    }
    return { ok: false, error: error.success ? error.data.error : SERVER_FAILURES.notUnderstood };
  }
}
