/**
 * Sessions: a new one at sign-up and sign-in (a refresh token and an access
 * token), and refresh-token rotation, where a token that comes back after
 * use ends its session, since it must have been copied.
 */
import { randomBytes } from 'node:crypto';
import type { AccountProfile, SessionResponse } from '../../src/shared/accounts-api';
import { fail, SESSION_ENDED, type AccountsLog, type ServiceResult } from './account-result';
import type { AccountRecord, AccountRepository } from './account-repository';
import type { AccessTokenSigner } from './access-token-signer';
import { hashRefreshToken, newRefreshToken } from './refresh-token';

export const newAccountsId = (): string => randomBytes(16).toString('base64url');

export interface SessionIssuerOptions {
  repository: AccountRepository;
  signer: AccessTokenSigner;
  now: () => number;
  refreshTokenTtlMs: number;
  /** Ends sessions and tells whoever listens (their sockets close). */
  endSessions: (accountId: string, sessionIds: string[]) => Promise<void>;
  log: AccountsLog;
}

export class SessionIssuer {
  constructor(private readonly options: SessionIssuerOptions) {}

  async start(account: AccountRecord): Promise<SessionResponse> {
    const { repository, signer, now: clock, refreshTokenTtlMs } = this.options;
    const now = clock();
    const sessionId = newAccountsId();
    const refreshToken = newRefreshToken();
    const refreshTokenExpiresAt = now + refreshTokenTtlMs;
    await repository.createSession(
      { id: sessionId, accountId: account.id, createdAt: now },
      { hash: hashRefreshToken(refreshToken), createdAt: now, expiresAt: refreshTokenExpiresAt },
    );
    const access = signer.issue(account.id, sessionId);
    return {
      account: await this.profileOf(account),
      refreshToken,
      refreshTokenExpiresAt,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
    };
  }

  /** Exchanges a refresh token for a new one and a new access token; the old refresh token stops working. */
  async refresh(refreshToken: string): Promise<ServiceResult<SessionResponse>> {
    const { repository, signer, endSessions, log } = this.options;
    const hash = hashRefreshToken(refreshToken);
    const record = await repository.findRefreshToken(hash);
    if (!record) return fail('refresh-token-invalid', SESSION_ENDED);
    if (record.usedAt !== null) {
      // A used token came back: it was copied. End the session, so neither copy works.
      await endSessions(record.accountId, [record.sessionId]);
      log('refresh-token-replayed', { accountId: record.accountId });
      return fail('refresh-token-invalid', SESSION_ENDED);
    }
    if (record.expiresAt <= this.options.now()) {
      await endSessions(record.accountId, [record.sessionId]);
      return fail('refresh-token-expired', 'Your sign-in has expired. Sign in again.');
    }
    const account = await repository.findAccountById(record.accountId);
    if (!account) return fail('refresh-token-invalid', SESSION_ENDED);
    const next = newRefreshToken();
    const now = this.options.now();
    const nextExpiresAt = now + this.options.refreshTokenTtlMs;
    const rotated = await repository.rotateRefreshToken(
      hash,
      { hash: hashRefreshToken(next), createdAt: now, expiresAt: nextExpiresAt },
      now,
    );
    if (!rotated) {
      // Another request used the same token at the same moment: treat it as a replay.
      await endSessions(record.accountId, [record.sessionId]);
      return fail('refresh-token-invalid', SESSION_ENDED);
    }
    const access = signer.issue(account.id, record.sessionId);
    return {
      ok: true,
      value: {
        account: await this.profileOf(account),
        refreshToken: next,
        refreshTokenExpiresAt: nextExpiresAt,
        accessToken: access.token,
        accessTokenExpiresAt: access.expiresAt,
      },
    };
  }

  async profileOf(account: AccountRecord): Promise<AccountProfile> {
    const totp = await this.options.repository.getTotp(account.id);
    return { id: account.id, username: account.username, email: account.email, totpEnabled: totp?.confirmedAt != null };
  }
}
