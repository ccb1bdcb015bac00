/** The accounts API by route name, on the shared HTTP client. */
import type { z } from 'zod';
import { accountsRoutes, type AccountsRouteName } from '../shared/accounts-api';
import { ServerApiClient, type ApiResult, type ServerApiOptions } from './server-api-client';

type Route<N extends AccountsRouteName> = (typeof accountsRoutes)[N];
type RequestOf<N extends AccountsRouteName> = Route<N>['request'] extends z.ZodType ? z.input<Route<N>['request']> : undefined;
type ResponseOf<N extends AccountsRouteName> = z.output<Route<N>['response']>;

export type AccountsCall<T> = ApiResult<T>;

export class AccountsClient {
  constructor(readonly api: ServerApiClient) {}

  static fromSocketUrl(socketUrl: string, options?: ServerApiOptions): AccountsClient {
    return new AccountsClient(ServerApiClient.fromSocketUrl(socketUrl, options));
  }

  call<N extends AccountsRouteName>(name: N, body: RequestOf<N>, accessToken?: string): Promise<AccountsCall<ResponseOf<N>>> {
    return this.api.call(accountsRoutes[name], { body, accessToken }) as Promise<AccountsCall<ResponseOf<N>>>;
  }
}
