/**
 * Accounts: sign up, sign in (with a second factor once enrolled), refresh
 * tokens that rotate on every use, short-lived access tokens for the socket,
 * sign out, TOTP enrolment with recovery codes, and account deletion. Every
 * outcome is a value ({ ok, value } or { ok, error }) with a code and a plain
 * message, never a throw for something a client did. Its parts: sessions
 * (session-issuer.ts), 2FA (second-factor.ts), limits on guessing (sign-in-guard.ts).
 */
import { randomBytes } from 'node:crypto';
import type * as Api from '../../src/shared/accounts-api';
import { createListeners, errorMessage, type Listeners } from '../../src/shared/listeners';
import { usernameWarnings } from '../../src/shared/username-guidance';
import {
  fail,
  INVALID_CREDENTIALS,
  normalizeEmail,
  SESSION_ENDED,
  type AccessCheck,
  type AccountsLog,
  type ServiceResult,
} from './account-result';
import type { AccountRecord, AccountRepository } from './account-repository';
import { AccessTokenSigner, ACCESS_TOKEN_TTL_MS } from './access-token-signer';
import { PasswordHasher } from './password-hasher';
import { REFRESH_TOKEN_TTL_MS, hashRefreshToken } from './refresh-token';
import { SecondFactors } from './second-factor';
import { newAccountsId, SessionIssuer } from './session-issuer';
import { accountKeyOf, SignInGuard, type AccountLimits } from './sign-in-guard';

export { normalizeEmail, type AccessCheck, type ServiceError, type ServiceResult } from './account-result';
export { DEFAULT_ACCOUNT_LIMITS, type AccountLimits } from './sign-in-guard';

export interface AccountServiceOptions {
  repository: AccountRepository;
  /** At least 32 random bytes. Every server process that accepts sockets needs the same secret. */
  accessTokenSecret: Uint8Array;
  now?: () => number;
  passwordHasher?: PasswordHasher;
  limits?: Partial<AccountLimits>;
  accessTokenTtlMs?: number;
  refreshTokenTtlMs?: number;
  /** Events for operators; never given a password, a code or a token. */
  log?: AccountsLog;
}

/** Sessions that ended (sign-out, a replayed refresh token, a deleted account): their sockets should close. */
export interface SessionsEndedEvent {
  accountId: string;
  sessionIds: string[];
}

export class AccountService {
  private readonly repository: AccountRepository;
  private readonly now: () => number;
  private readonly hasher: PasswordHasher;
  private readonly signer: AccessTokenSigner;
  private readonly log: AccountsLog;
  private readonly guard: SignInGuard;
  private readonly sessions: SessionIssuer;
  private readonly secondFactors: SecondFactors;
  private readonly sessionsEnded: Listeners<[SessionsEndedEvent]>;
  private dummyHash: Promise<string> | undefined;

  constructor(options: AccountServiceOptions) {
    this.repository = options.repository;
    this.now = options.now ?? Date.now;
    this.hasher = options.passwordHasher ?? new PasswordHasher();
    this.signer = new AccessTokenSigner(options.accessTokenSecret, this.now, options.accessTokenTtlMs ?? ACCESS_TOKEN_TTL_MS);
    const log = (this.log = options.log ?? (() => {}));
    this.guard = new SignInGuard(options.limits, this.now, log);
    this.secondFactors = new SecondFactors(this.repository, this.now, log);
    this.sessions = new SessionIssuer({
      repository: this.repository,
      signer: this.signer,
      now: this.now,
      refreshTokenTtlMs: options.refreshTokenTtlMs ?? REFRESH_TOKEN_TTL_MS,
      endSessions: (accountId, sessionIds) => this.endSessions(accountId, sessionIds),
      log,
    });
    this.sessionsEnded = createListeners((error) => log('sessions-ended-listener-error', { error: errorMessage(error) }));
  }

  /** Called whenever sessions end; returns a function that stops the calls. */
  onSessionsEnded(listener: (event: SessionsEndedEvent) => void): () => void {
    return this.sessionsEnded.add(listener);
  }

  async signUp(request: Api.SignUpRequest, address: string): Promise<ServiceResult<Api.SignUpResponse>> {
    const refused = this.guard.admitSignUp(address);
    if (refused) return refused;
    const account: AccountRecord = {
      id: newAccountsId(),
      email: normalizeEmail(request.email),
      username: request.username.trim(),
      passwordHash: await this.hasher.hash(request.password),
      createdAt: this.now(),
    };
    const created = await this.repository.createAccount(account);
    if (created === 'email-taken') return fail('email-taken', 'An account with this email address exists already. Sign in instead.');
    if (created === 'username-taken') return fail('username-taken', 'This username is taken. Choose another one.');
    this.log('account-created', { accountId: account.id });
    const session = await this.sessions.start(account);
    return { ok: true, value: { ...session, usernameWarnings: usernameWarnings(account.username) } };
  }

  async signIn(request: Api.SignInRequest, address: string): Promise<ServiceResult<Api.SignInResponse>> {
    const email = normalizeEmail(request.email);
    const accountKey = accountKeyOf(email);
    const limited = this.guard.refusal(accountKey, address);
    if (limited) return limited;

    const account = await this.repository.findAccountByEmail(email);
    if (!account) {
      // The same work as a real check, so the answer's timing does not tell which emails have accounts.
      await this.hasher.verify(request.password, await this.dummyPasswordHash());
      this.guard.recordFailure(accountKey, address, 'unknown-account');
      return fail('invalid-credentials', INVALID_CREDENTIALS);
    }
    if (!(await this.hasher.verify(request.password, account.passwordHash))) {
      this.guard.recordFailure(accountKey, address, 'wrong-password', account.id);
      return fail('invalid-credentials', INVALID_CREDENTIALS);
    }

    let recoveryCodesLeft: number | undefined;
    const secret = await this.secondFactors.secretOf(account.id);
    if (secret) {
      if (!request.secondFactor) {
        return fail('second-factor-required', 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.');
      }
      const checked = await this.secondFactors.check(account.id, secret, request.secondFactor);
      if (!checked.ok) {
        this.guard.recordFailure(accountKey, address, checked.error.code, account.id);
        return checked;
      }
      if (request.secondFactor.kind === 'recovery') recoveryCodesLeft = await this.repository.countRecoveryCodes(account.id);
    }

    this.guard.clearAccount(accountKey);
    if (this.hasher.needsRehash(account.passwordHash)) {
      await this.repository.updatePasswordHash(account.id, await this.hasher.hash(request.password));
    }
    const session = await this.sessions.start(account);
    return { ok: true, value: recoveryCodesLeft === undefined ? session : { ...session, recoveryCodesLeft } };
  }

  /** See SessionIssuer.refresh: the old refresh token stops working. */
  refresh(refreshToken: string): Promise<ServiceResult<Api.SessionResponse>> {
    return this.sessions.refresh(refreshToken);
  }

  /** Ends the refresh token's session (or, with `everywhere`, all of the account's). Unknown tokens are already signed out. */
  async signOut(refreshToken: string, everywhere = false): Promise<ServiceResult<{ signedOut: true }>> {
    const record = await this.repository.findRefreshToken(hashRefreshToken(refreshToken));
    if (record) {
      if (everywhere) await this.endSessions(record.accountId, await this.repository.deleteAllSessions(record.accountId), false);
      else await this.endSessions(record.accountId, [record.sessionId]);
    }
    return { ok: true, value: { signedOut: true } };
  }

  /** Checks an access token: its signature, its expiry, and that its session has not ended. */
  async verifyAccessToken(token: unknown): Promise<AccessCheck> {
    const checked = this.signer.verify(token);
    if (!checked.ok) {
      return checked.reason === 'expired'
        ? fail('access-token-expired', 'This access token has expired. Get a new one with the refresh token.')
        : fail('access-token-invalid', 'This access token is not valid. Sign in again.');
    }
    if (!(await this.repository.sessionExists(checked.sessionId, checked.accountId))) {
      return fail('access-token-invalid', SESSION_ENDED);
    }
    return { ok: true, accountId: checked.accountId, sessionId: checked.sessionId };
  }

  async profile(accountId: string): Promise<ServiceResult<{ account: Api.AccountProfile }>> {
    const account = await this.repository.findAccountById(accountId);
    if (!account) return fail('access-token-invalid', SESSION_ENDED);
    return { ok: true, value: { account: await this.sessions.profileOf(account) } };
  }

  /** Starts (or restarts) TOTP enrolment: the secret, its otpauth:// URI and a QR code of it. */
  startTotpEnrolment(accountId: string): Promise<ServiceResult<Api.TotpEnrolResponse>> {
    return this.secondFactors.startEnrolment(accountId);
  }

  /** Confirms enrolment with a first code; returns the recovery codes, which are never shown again. */
  confirmTotpEnrolment(accountId: string, code: string): Promise<ServiceResult<{ recoveryCodes: string[] }>> {
    return this.secondFactors.confirmEnrolment(accountId, code);
  }

  /** Turns TOTP off after the password and a current code (or a recovery code). */
  async disableTotp(
    accountId: string,
    password: string,
    secondFactor: Api.SecondFactor,
    address: string,
  ): Promise<ServiceResult<{ totpEnabled: false }>> {
    const confirmed = await this.confirmPassword(accountId, password, address);
    if (!confirmed.ok) return confirmed;
    return this.secondFactors.disable(accountId, secondFactor, (reason) =>
      this.guard.recordFailure(confirmed.value.key, address, reason, accountId),
    );
  }

  /** Deletes the account and everything the server holds for it, after the password. */
  async deleteAccount(accountId: string, password: string, address: string): Promise<ServiceResult<{ deleted: true }>> {
    const confirmed = await this.confirmPassword(accountId, password, address);
    if (!confirmed.ok) return confirmed;
    const sessionIds = await this.repository.deleteAllSessions(accountId);
    await this.repository.deleteAccount(accountId);
    this.guard.clearAccount(confirmed.value.key);
    this.sessionsEnded.notify({ accountId, sessionIds });
    this.log('account-deleted', { accountId });
    return { ok: true, value: { deleted: true } };
  }

  /** Drops expired refresh tokens and the sessions they leave empty; call it now and then (hourly is plenty). */
  async purgeExpired(): Promise<number> {
    return this.repository.purgeExpired(this.now());
  }

  /** For actions a signed-in person confirms with the password; counted with the sign-in failures. */
  private async confirmPassword(accountId: string, password: string, address: string): Promise<ServiceResult<{ key: string }>> {
    const account = await this.repository.findAccountById(accountId);
    if (!account) return fail('access-token-invalid', SESSION_ENDED);
    const key = accountKeyOf(account.email);
    const limited = this.guard.refusal(key, address);
    if (limited) return limited;
    if (!(await this.hasher.verify(password, account.passwordHash))) {
      this.guard.recordFailure(key, address, 'wrong-password', accountId);
      return fail('invalid-credentials', 'That password is not right.');
    }
    return { ok: true, value: { key } };
  }

  private async endSessions(accountId: string, sessionIds: string[], deleteThem = true): Promise<void> {
    if (deleteThem) for (const sessionId of sessionIds) await this.repository.deleteSession(sessionId);
    if (sessionIds.length > 0) this.sessionsEnded.notify({ accountId, sessionIds });
  }

  private dummyPasswordHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('base64url'));
    return this.dummyHash;
  }
}
