/**
 * Every HTTP call the server answers, by name: its method and its path (with
 * ":name" segments for path parameters). The server routes requests with
 * `matchApiRoute`; clients fill paths with `routePath`. The schemas of each
 * call live with its API (accounts-api.ts, moderation-api.ts), which spread
 * these entries into their own route tables.
 */
import type { z } from 'zod';

export const ACCOUNTS_API_PREFIX = '/api/accounts';
export const REPORTS_API_PREFIX = '/api/reports';
export const BLOCKS_API_PREFIX = '/api/blocks';
export const MODERATION_API_PREFIX = '/api/moderation';

export type HttpMethod = 'GET' | 'POST';
export interface ApiRouteAddress {
  method: HttpMethod;
  path: string;
}

/** A route as an API's table declares it: its address, and the schemas of its body and of its answer. */
export interface ApiRouteContract extends ApiRouteAddress {
  /** ":name" segments of `path` are path parameters. */
  path: string;
  /** Null for routes without a body. */
  request: z.ZodType | null;
  response: z.ZodType;
  successStatus: 200 | 201;
}

export const API_ROUTES = {
  // accounts
  signUp: { method: 'POST', path: `${ACCOUNTS_API_PREFIX}/sign-up` },
  signIn: { method: 'POST', path: `${ACCOUNTS_API_PREFIX}/sign-in` },
  refresh: { method: 'POST', path: `${ACCOUNTS_API_PREFIX}/refresh` },
  signOut: { method: 'POST', path: `${ACCOUNTS_API_PREFIX}/sign-out` },
  me: { method: 'GET', path: `${ACCOUNTS_API_PREFIX}/me` },
  totpEnrol: { method: 'POST', path: `${ACCOUNTS_API_PREFIX}/totp/enrol` },
  totpConfirm: { method: 'POST', path: `${ACCOUNTS_API_PREFIX}/totp/confirm` },
  totpDisable: { method: 'POST', path: `${ACCOUNTS_API_PREFIX}/totp/disable` },
  deleteAccount: { method: 'POST', path: `${ACCOUNTS_API_PREFIX}/delete` },
  // reports and blocks
  fileReport: { method: 'POST', path: REPORTS_API_PREFIX },
  reportDetails: { method: 'POST', path: `${REPORTS_API_PREFIX}/:reportId/details` },
  block: { method: 'POST', path: BLOCKS_API_PREFIX },
  listBlocks: { method: 'GET', path: BLOCKS_API_PREFIX },
  unblock: { method: 'POST', path: `${BLOCKS_API_PREFIX}/remove` },
  // moderation queue
  moderationList: { method: 'GET', path: `${MODERATION_API_PREFIX}/reports` },
  moderationShow: { method: 'GET', path: `${MODERATION_API_PREFIX}/reports/:reportRef` },
  moderationResolve: { method: 'POST', path: `${MODERATION_API_PREFIX}/reports/:reportRef/resolve` },
  // operations
  health: { method: 'GET', path: '/healthz' },
} as const satisfies Record<string, ApiRouteAddress>;
export type ApiRouteName = keyof typeof API_ROUTES;

export type ApiRouteMatch<Name extends ApiRouteName> =
  | { found: true; name: Name; params: Record<string, string> }
  /** No route of these has this path (`allowed` empty), or none with this method. */
  | { found: false; allowed: HttpMethod[] };

/** Which of `names` answers `method path`, with its raw path parameters. */
export function matchApiRoute<Name extends ApiRouteName>(names: readonly Name[], method: string, path: string): ApiRouteMatch<Name> {
  const allowed = new Set<HttpMethod>();
  for (const name of names) {
    const route = API_ROUTES[name];
    const params = matchRoutePath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { found: true, name, params };
    allowed.add(route.method);
  }
  return { found: false, allowed: [...allowed] };
}

/** Whether `path` is `prefix` itself or below it. */
export function isUnderPrefix(prefix: string, path: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The raw path parameters when `path` fits the route's template, else null. */
export function matchRoutePath(template: string, path: string): Record<string, string> | null {
  const wanted = template.split('/');
  const given = path.split('/');
  if (wanted.length !== given.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const actual = given[index]!;
    if (segment.startsWith(':')) {
      if (actual === '') return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

/** A route's path with its parameters filled in, for clients. */
export function routePath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The path ${template} needs a value for ${name}.`);
    return encodeURIComponent(value);
  });
}
