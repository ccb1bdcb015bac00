/**
 * The signed-in session, kept in the main process: the refresh token lives
 * in the credential vault (OS keychain first), access tokens only in memory,
 * and the renderer is handed nothing but a short-lived access token for the
 * socket. Refreshes run one at a time, because the server rotates the
 * refresh token on every use and treats a reused one as stolen.
 */
import type { AccountProfile, SecondFactor, TotpConfirmResponse, TotpEnrolResponse } from '../shared/accounts-api';
import type { ApiError } from '../shared/api-error';
import type { AccountState } from '../shared/account-state';
import { createListeners } from '../shared/listeners';
import type { UsernameWarning } from '../shared/username-guidance';
import type { AccountsCall, AccountsClient } from './accounts-client';
import type { CredentialVault } from './credential-vault';

/** Refresh when the access token has less than this left. */
const ACCESS_TOKEN_MARGIN_MS = 60_000;

export type AccountResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

interface ActiveSession {
  account: AccountProfile;
  accessToken: string;
  accessTokenExpiresAt: number;
}

interface SessionTokens {
  account: AccountProfile;
  refreshToken: string;
  accessToken: string;
  accessTokenExpiresAt: number;
}

const notSignedIn: ApiError = { code: 'refresh-token-invalid', message: 'Sign in first.' };
/** The vault could not keep the new refresh token: without it the session would end at the next refresh, so it does not start. */
const notKept: ApiError = {
  code: 'credential-store-failed',
  message: 'Cam-Party could not keep your sign-in on this computer (its password store failed). Try signing in again.',
};

export class AccountSession {
  private active: ActiveSession | null = null;
  private refreshing: Promise<AccountResult<ActiveSession>> | null = null;
  private readonly listeners = createListeners<[state: AccountState]>();

  constructor(
    private readonly client: AccountsClient,
    private readonly vault: CredentialVault,
    private readonly now: () => number = Date.now,
  ) {}

  state(): AccountState {
    if (!this.active) return { status: 'signed-out' };
    return { status: 'signed-in', account: this.active.account, persistence: this.vault.status().persistence };
  }

  onChange(listener: (state: AccountState) => void): () => void {
    return this.listeners.add(listener);
  }

  /** At start-up: the last account signs in again from the token in the vault, if there is one. */
  async restore(): Promise<AccountState> {
    const accountId = this.vault.lastSignedInAccountId();
    if (accountId && (await this.vault.readRefreshToken(accountId).catch(() => null))) await this.refresh(accountId);
    return this.state();
  }

  async signUp(input: {
    email: string;
    username: string;
    password: string;
  }): Promise<AccountResult<{ usernameWarnings: UsernameWarning[] }>> {
    const reply = await this.client.call('signUp', input);
    if (!reply.ok) return reply;
    const begun = await this.begin(reply.value);
    return begun.ok ? { ok: true, value: { usernameWarnings: reply.value.usernameWarnings } } : begun;
  }

  async signIn(input: {
    email: string;
    password: string;
    secondFactor?: SecondFactor;
  }): Promise<AccountResult<{ recoveryCodesLeft?: number }>> {
    const reply = await this.client.call('signIn', input);
    if (!reply.ok) return reply;
    const begun = await this.begin(reply.value);
    if (!begun.ok) return begun;
    return { ok: true, value: reply.value.recoveryCodesLeft === undefined ? {} : { recoveryCodesLeft: reply.value.recoveryCodesLeft } };
  }

  async signOut(): Promise<AccountState> {
    const accountId = this.active?.account.id ?? this.vault.lastSignedInAccountId();
    if (accountId) {
      const refreshToken = await this.vault.readRefreshToken(accountId).catch(() => null);
      // Best effort on the server; locally the session ends whatever it answers.
      if (refreshToken) await this.client.call('signOut', { refreshToken });
      await this.vault.forgetRefreshToken(accountId).catch(() => {});
    }
    this.end();
    return this.state();
  }

  /**
   * A short-lived token for the matchmaking socket, refreshed when close to
   * expiry, or at once when `fresh` (the server refused the last one, e.g.
   * after it restarted with a new signing secret).
   */
  async socketAccessToken(fresh = false): Promise<AccountResult<string>> {
    const active = this.active;
    if (!fresh && active && active.accessTokenExpiresAt - this.now() > ACCESS_TOKEN_MARGIN_MS)
      return { ok: true, value: active.accessToken };
    const accountId = active?.account.id ?? this.vault.lastSignedInAccountId();
    if (!accountId) return { ok: false, error: notSignedIn };
    const refreshed = await this.refresh(accountId);
    return refreshed.ok ? { ok: true, value: refreshed.value.accessToken } : refreshed;
  }

  async startTwoFactor(): Promise<AccountResult<TotpEnrolResponse>> {
    return this.withAccessToken((token) => this.client.call('totpEnrol', {}, token));
  }

  async confirmTwoFactor(code: string): Promise<AccountResult<TotpConfirmResponse>> {
    const reply = await this.withAccessToken((token) => this.client.call('totpConfirm', { code }, token));
    if (reply.ok && this.active) {
      this.active = { ...this.active, account: { ...this.active.account, totpEnabled: true } };
      this.emit();
    }
    return reply;
  }

  async deleteAccount(password: string): Promise<AccountResult<{ deleted: true }>> {
    const accountId = this.active?.account.id;
    const reply = await this.withAccessToken((token) => this.client.call('deleteAccount', { password }, token));
    if (!reply.ok) return reply;
    if (accountId) await this.vault.forgetRefreshToken(accountId).catch(() => {});
    this.end();
    return reply;
  }

  private async withAccessToken<T>(call: (token: string) => Promise<AccountsCall<T>>): Promise<AccountResult<T>> {
    const token = await this.socketAccessToken();
    if (!token.ok) return token;
    return call(token.value);
  }

  private refresh(accountId: string): Promise<AccountResult<ActiveSession>> {
    this.refreshing ??= this.refreshOnce(accountId).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(accountId: string): Promise<AccountResult<ActiveSession>> {
    const refreshToken = await this.vault.readRefreshToken(accountId).catch(() => null);
    if (!refreshToken) {
      this.end();
      return { ok: false, error: notSignedIn };
    }
    const reply = await this.client.call('refresh', { refreshToken });
    if (!reply.ok) {
      // An invalid or expired token will never work again; a network error might.
      if (reply.error.code === 'refresh-token-invalid' || reply.error.code === 'refresh-token-expired') {
        await this.vault.forgetRefreshToken(accountId).catch(() => {});
        this.end();
      }
      return reply;
    }
    return this.begin(reply.value);
  }

  private async begin(tokens: SessionTokens): Promise<AccountResult<ActiveSession>> {
    try {
      await this.vault.storeRefreshToken(tokens.account.id, tokens.refreshToken);
    } catch {
      // Best effort: the server forgets the token nobody could keep.
      await this.client.call('signOut', { refreshToken: tokens.refreshToken });
      this.end();
      return { ok: false, error: notKept };
    }
    this.active = { account: tokens.account, accessToken: tokens.accessToken, accessTokenExpiresAt: tokens.accessTokenExpiresAt };
    this.emit();
    return { ok: true, value: this.active };
  }

  private end(): void {
    const wasActive = this.active !== null;
    this.active = null;
    if (wasActive) this.emit();
  }

  private emit(): void {
    const state = this.state();
    this.listeners.notify(state);
  }
}
