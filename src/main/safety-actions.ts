/**
 * Reports and blocks, sent from the main process so they do not depend on
 * the call or the page: a report filed as the call ends still goes out,
 * and a failed attempt is retried with the same report id (the server
 * stores a report once, whatever the number of attempts).
 */
import { moderationRoutes, type FileReportRequest, type ReportDetailsRequest } from '../shared/moderation-api';
import type { AccountSession, AccountResult } from './account-session';
import { SERVER_FAILURES, type ApiResult, type ServerApiClient } from './server-api-client';

const RETRY_DELAYS_MS = [200, 800, 2000];
/** Failures of the way there, not refusals: worth another attempt. A timeout has waited long enough already. */
const RETRIED_CODES: ReadonlySet<string> = new Set([SERVER_FAILURES.unreachable.code, SERVER_FAILURES.failing.code]);

export class SafetyActions {
  constructor(
    private readonly api: ServerApiClient,
    private readonly account: AccountSession,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  fileReport(report: FileReportRequest) {
    return this.withRetries(() =>
      this.authorized((token) => this.api.call(moderationRoutes.fileReport, { body: report, accessToken: token })),
    );
  }

  addReportDetails(reportId: string, details: ReportDetailsRequest) {
    return this.withRetries(() =>
      this.authorized((token) =>
        this.api.call(moderationRoutes.reportDetails, { params: { reportId }, body: details, accessToken: token }),
      ),
    );
  }

  block(pairId: string) {
    return this.authorized((token) => this.api.call(moderationRoutes.block, { body: { pairId }, accessToken: token }));
  }

  listBlocks() {
    return this.authorized((token) => this.api.call(moderationRoutes.listBlocks, { accessToken: token }));
  }

  unblock(accountId: string) {
    return this.authorized((token) => this.api.call(moderationRoutes.unblock, { body: { accountId }, accessToken: token }));
  }

  private async authorized<T>(call: (token: string) => Promise<ApiResult<T>>): Promise<AccountResult<T>> {
    const token = await this.account.socketAccessToken();
    if (!token.ok) return token;
    const result = await call(token.value);
    // A token the server no longer takes (it restarted with a new secret): once more with a fresh one.
    if (!result.ok && (result.error.code === 'access-token-invalid' || result.error.code === 'access-token-expired')) {
      const fresh = await this.account.socketAccessToken(true);
      if (!fresh.ok) return fresh;
      return call(fresh.value);
    }
    return result;
  }

  /** Retries what failed for want of a connection or a server answer; never what the server refused. */
  private async withRetries<T>(attempt: () => Promise<AccountResult<T>>): Promise<AccountResult<T>> {
    let result = await attempt();
    for (const delay of RETRY_DELAYS_MS) {
      if (result.ok || !RETRIED_CODES.has(result.error.code)) return result;
      await this.sleep(delay);
      result = await attempt();
    }
    return result;
  }
}
