/**
 * Calls the server's accounts API from the main process, through the
 * shared route table: each request and each answer is validated against
 * its schema, and errors come back as the API's own error objects.
 */
import type { z } from 'zod';
import { accountsErrorResponseSchema, accountsRoutes, type AccountsError, type AccountsRouteName } from '../shared/accounts-api';

type Route<N extends AccountsRouteName> = (typeof accountsRoutes)[N];
type RequestOf<N extends AccountsRouteName> = Route<N>['request'] extends z.ZodType ? z.input<Route<N>['request']> : undefined;
type ResponseOf<N extends AccountsRouteName> = z.output<Route<N>['response']>;

export type AccountsCall<T> = { ok: true; value: T } | { ok: false; error: AccountsError };

export class AccountsClient {
  constructor(
    /** The server's HTTP origin, e.g. http://127.0.0.1:8787 (the socket URL with http instead of ws). */
    private readonly origin: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  static fromSocketUrl(socketUrl: string, fetchImpl?: typeof fetch): AccountsClient {
    return new AccountsClient(socketUrl.replace(/^ws(s?):/, 'http$1:').replace(/\/$/, ''), fetchImpl);
  }

  async call<N extends AccountsRouteName>(name: N, body: RequestOf<N>, accessToken?: string): Promise<AccountsCall<ResponseOf<N>>> {
    const route = accountsRoutes[name];
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (route.request) headers['Content-Type'] = 'application/json';
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.origin}${route.path}`, {
        method: route.method,
        headers,
        body: route.request ? JSON.stringify(body ?? {}) : undefined,
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Cannot reach Cam-Party. Check your connection and try again.' } };
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.status === route.successStatus) {
      const parsed = route.response.safeParse(json);
      if (parsed.success) return { ok: true, value: parsed.data as ResponseOf<N> };
      return { ok: false, error: { code: 'internal', message: 'The server answered in a way this app does not understand.' } };
    }
    const error = accountsErrorResponseSchema.safeParse(json);
    return {
      ok: false,
      error: error.success ? error.data.error : { code: 'internal', message: `The server answered ${response.status}.` },
    };
  }
}
