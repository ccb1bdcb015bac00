/**
 * Calls the server's HTTP APIs (accounts, reports, blocks) from the main
 * process through the shared route tables: the request body is validated
 * before it leaves, the answer against the route's schema, and errors come
 * back as the API's own error objects, never as exceptions.
 */
import type { z } from 'zod';
import { apiErrorResponseSchema, type ApiError } from '../shared/api-error';

export interface ApiRoute {
  method: 'GET' | 'POST';
  path: string;
  request: z.ZodType | null;
  response: z.ZodType;
  successStatus: number;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiCall {
  body?: unknown;
  /** Values for the route's `:name` path segments. */
  params?: Record<string, string>;
  accessToken?: string;
}

export class ServerApiClient {
  constructor(
    /** The server's HTTP origin, e.g. http://127.0.0.1:8787 (the socket URL with http instead of ws). */
    readonly origin: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  static fromSocketUrl(socketUrl: string, fetchImpl?: typeof fetch): ServerApiClient {
    return new ServerApiClient(socketUrl.replace(/^ws(s?):/, 'http$1:').replace(/\/$/, ''), fetchImpl);
  }

  async call<R extends ApiRoute>(route: R, input: ApiCall = {}): Promise<ApiResult<z.output<R['response']>>> {
    const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(input.params?.[name] ?? ''));
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
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.origin}${path}`, { method: route.method, headers, body });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Cannot reach Cam-Party. Check your connection and try again.' } };
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.status === route.successStatus || (response.ok && route.successStatus === 201 && response.status === 200)) {
      const parsed = route.response.safeParse(json);
      if (parsed.success) return { ok: true, value: parsed.data as z.output<R['response']> };
      return { ok: false, error: { code: 'internal', message: 'The server answered in a way this app does not understand.' } };
    }
    const error = apiErrorResponseSchema.safeParse(json);
    return {
      ok: false,
      error: error.success ? error.data.error : { code: 'internal', message: `The server answered ${response.status}.` },
    };
  }
}
