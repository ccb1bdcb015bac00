/**
 * Accounts: sign up, sign in (with a second factor once enrolled), refresh
 * tokens that rotate on every use, short-lived access tokens for the socket,
 * sign out, TOTP enrolment with recovery codes, and account deletion. Every
 * outcome is a value ({ ok, value } or { ok, error }) with a code and a plain
 * message, never a throw for something a client did.
 */
import { randomBytes } from 'node:crypto';
import type {
  AccountProfile,
  AccountsErrorCode,
  SecondFactor,
  SessionResponse,
  SignInRequest,
  SignInResponse,
  SignUpRequest,
  SignUpResponse,
  TotpEnrolResponse,
} from '../../src/shared/accounts-api';
import { usernameWarnings } from '../../src/shared/username-guidance';
import type { AccountRecord, AccountRepository } from './account-repository';
import { AccessTokenSigner, ACCESS_TOKEN_TTL_MS } from './access-token-signer';
import { PasswordHasher } from './password-hasher';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { REFRESH_TOKEN_TTL_MS, hashRefreshToken, newRefreshToken } from './refresh-token';
import { SlidingWindowLimiter, type SlidingWindowLimit } from './sliding-window-limiter';
import { newTotpSecret, totpQrCodeDataUrl, totpStepOf, totpUri } from './totp';

export interface ServiceError {
  code: AccountsErrorCode;
  message: string;
  retryAfterSeconds?: number;
}
export type ServiceResult<T> = { ok: true; value: T } | { ok: false; error: ServiceError };

export type AccessCheck = { ok: true; accountId: string; sessionId: string } | { ok: false; error: ServiceError };

export interface AccountLimits {
  /** Failed sign-ins (wrong password or wrong code) for one email address, from anywhere. */
  signInFailuresPerAccount: SlidingWindowLimit;
  /** Failed sign-ins from one address (an IPv4 address or an IPv6 /64), for any account. */
  signInFailuresPerAddress: SlidingWindowLimit;
  /** New accounts from one address: each costs a password hash, and each is a fresh identity. */
  signUpsPerAddress: SlidingWindowLimit;
}

const MINUTE = 60_000;
export const DEFAULT_ACCOUNT_LIMITS: AccountLimits = {
  signInFailuresPerAccount: { limit: 5, windowMs: 15 * MINUTE },
  signInFailuresPerAddress: { limit: 20, windowMs: 15 * MINUTE },
  signUpsPerAddress: { limit: 10, windowMs: 60 * MINUTE },
};

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
  log?: (event: string, details?: Record<string, unknown>) => void;
}

/** Sessions that ended (sign-out, a replayed refresh token, a deleted account): their sockets should close. */
export interface SessionsEndedEvent {
  accountId: string;
  sessionIds: string[];
}

const fail = (code: AccountsErrorCode, message: string, retryAfterSeconds?: number): { ok: false; error: ServiceError } => ({
  ok: false,
  error: retryAfterSeconds === undefined ? { code, message } : { code, message, retryAfterSeconds },
});

const INVALID_CREDENTIALS = 'The email address or the password is not right.';
const INVALID_SECOND_FACTOR = "That code is not right. Check that your phone's clock is set automatically, or use a recovery code.";
const SESSION_ENDED = 'This sign-in has ended. Sign in again.';

const newId = (): string => randomBytes(16).toString('base64url');

export class AccountService {
  private readonly repository: AccountRepository;
  private readonly now: () => number;
  private readonly hasher: PasswordHasher;
  private readonly signer: AccessTokenSigner;
  private readonly refreshTokenTtlMs: number;
  private readonly log: (event: string, details?: Record<string, unknown>) => void;
  private readonly accountFailures: SlidingWindowLimiter;
  private readonly addressFailures: SlidingWindowLimiter;
  private readonly addressSignUps: SlidingWindowLimiter;
  private readonly listeners = new Set<(event: SessionsEndedEvent) => void>();
  private dummyHash: Promise<string> | undefined;

  constructor(options: AccountServiceOptions) {
    this.repository = options.repository;
    this.now = options.now ?? Date.now;
    this.hasher = options.passwordHasher ?? new PasswordHasher();
    this.signer = new AccessTokenSigner(options.accessTokenSecret, this.now, options.accessTokenTtlMs ?? ACCESS_TOKEN_TTL_MS);
    this.refreshTokenTtlMs = options.refreshTokenTtlMs ?? REFRESH_TOKEN_TTL_MS;
    this.log = options.log ?? (() => {});
    const limits = { ...DEFAULT_ACCOUNT_LIMITS, ...options.limits };
    this.accountFailures = new SlidingWindowLimiter(limits.signInFailuresPerAccount, this.now);
    this.addressFailures = new SlidingWindowLimiter(limits.signInFailuresPerAddress, this.now);
    this.addressSignUps = new SlidingWindowLimiter(limits.signUpsPerAddress, this.now);
  }

  /** Called whenever sessions end; returns a function that stops the calls. */
  onSessionsEnded(listener: (event: SessionsEndedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signUp(request: SignUpRequest, address: string): Promise<ServiceResult<SignUpResponse>> {
    const wait = this.addressSignUps.retryAfterMs(address);
    if (wait > 0) {
      this.log('sign-up-rate-limited', { address });
      return fail('rate-limited', `Too many new accounts from your network. Try again in ${inMinutes(wait)}.`, Math.ceil(wait / 1000));
    }
    this.addressSignUps.record(address);
    const account: AccountRecord = {
      id: newId(),
      email: normalizeEmail(request.email),
      username: request.username.trim(),
      passwordHash: await this.hasher.hash(request.password),
      createdAt: this.now(),
    };
    const created = await this.repository.createAccount(account);
    if (created === 'email-taken') return fail('email-taken', 'An account with this email address exists already. Sign in instead.');
    if (created === 'username-taken') return fail('username-taken', 'This username is taken. Choose another one.');
    this.log('account-created', { accountId: account.id });
    const session = await this.startSession(account);
    return { ok: true, value: { ...session, usernameWarnings: usernameWarnings(account.username) } };
  }

  async signIn(request: SignInRequest, address: string): Promise<ServiceResult<SignInResponse>> {
    const email = normalizeEmail(request.email);
    const accountKey = `email:${email}`;
    const limited = this.rateLimited(accountKey, address);
    if (limited) return limited;

    const account = await this.repository.findAccountByEmail(email);
    if (!account) {
      // The same work as a real check, so the answer's timing does not tell which emails have accounts.
      await this.hasher.verify(request.password, await this.dummyPasswordHash());
      this.recordFailure(accountKey, address, 'unknown-account');
      return fail('invalid-credentials', INVALID_CREDENTIALS);
    }
    if (!(await this.hasher.verify(request.password, account.passwordHash))) {
      this.recordFailure(accountKey, address, 'wrong-password', account.id);
      return fail('invalid-credentials', INVALID_CREDENTIALS);
    }

    let recoveryCodesLeft: number | undefined;
    const totp = await this.repository.getTotp(account.id);
    if (totp?.confirmedAt != null) {
      if (!request.secondFactor) {
        return fail('second-factor-required', 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.');
      }
      const checked = await this.checkSecondFactor(account.id, totp.secret, request.secondFactor);
      if (!checked.ok) {
        this.recordFailure(accountKey, address, checked.error.code, account.id);
        return checked;
      }
      if (request.secondFactor.kind === 'recovery') recoveryCodesLeft = await this.repository.countRecoveryCodes(account.id);
    }

    // Only the account's count is cleared: a success must not wipe an address's record of guesses at other accounts.
    this.accountFailures.reset(accountKey);
    if (this.hasher.needsRehash(account.passwordHash)) {
      await this.repository.updatePasswordHash(account.id, await this.hasher.hash(request.password));
    }
    const session = await this.startSession(account);
    return { ok: true, value: recoveryCodesLeft === undefined ? session : { ...session, recoveryCodesLeft } };
  }

  /** Exchanges a refresh token for a new one and a new access token; the old refresh token stops working. */
  async refresh(refreshToken: string): Promise<ServiceResult<SessionResponse>> {
    const hash = hashRefreshToken(refreshToken);
    const record = await this.repository.findRefreshToken(hash);
    if (!record) return fail('refresh-token-invalid', SESSION_ENDED);
    if (record.usedAt !== null) {
      // A used token came back: it was copied. End the session, so neither copy works.
      await this.endSessions(record.accountId, [record.sessionId]);
      this.log('refresh-token-replayed', { accountId: record.accountId });
      return fail('refresh-token-invalid', SESSION_ENDED);
    }
    if (record.expiresAt <= this.now()) {
      await this.endSessions(record.accountId, [record.sessionId]);
      return fail('refresh-token-expired', 'Your sign-in has expired. Sign in again.');
    }
    const account = await this.repository.findAccountById(record.accountId);
    if (!account) return fail('refresh-token-invalid', SESSION_ENDED);
    const next = newRefreshToken();
    const now = this.now();
    const nextExpiresAt = now + this.refreshTokenTtlMs;
    const rotated = await this.repository.rotateRefreshToken(
      hash,
      { hash: hashRefreshToken(next), createdAt: now, expiresAt: nextExpiresAt },
      now,
    );
    if (!rotated) {
      // Another request used the same token at the same moment: treat it as a replay.
      await this.endSessions(record.accountId, [record.sessionId]);
      return fail('refresh-token-invalid', SESSION_ENDED);
    }
    const access = this.signer.issue(account.id, record.sessionId);
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

  async profile(accountId: string): Promise<ServiceResult<{ account: AccountProfile }>> {
    const account = await this.repository.findAccountById(accountId);
    if (!account) return fail('access-token-invalid', SESSION_ENDED);
    return { ok: true, value: { account: await this.profileOf(account) } };
  }

  /** Starts (or restarts) TOTP enrolment: the secret, its otpauth:// URI and a QR code of it. */
  async startTotpEnrolment(accountId: string): Promise<ServiceResult<TotpEnrolResponse>> {
    const account = await this.repository.findAccountById(accountId);
    if (!account) return fail('access-token-invalid', SESSION_ENDED);
    const existing = await this.repository.getTotp(accountId);
    if (existing?.confirmedAt != null) return fail('totp-already-enabled', 'Two-factor authentication is on already.');
    const secret = newTotpSecret();
    await this.repository.savePendingTotp(accountId, secret, this.now());
    const otpauthUri = totpUri(secret, account.username);
    return { ok: true, value: { secret, otpauthUri, qrCodeDataUrl: await totpQrCodeDataUrl(otpauthUri) } };
  }

  /** Confirms enrolment with a first code; returns the recovery codes, which are never shown again. */
  async confirmTotpEnrolment(accountId: string, code: string): Promise<ServiceResult<{ recoveryCodes: string[] }>> {
    const totp = await this.repository.getTotp(accountId);
    if (!totp) return fail('totp-not-started', 'Start setting up two-factor authentication first.');
    if (totp.confirmedAt !== null) return fail('totp-already-enabled', 'Two-factor authentication is on already.');
    const step = totpStepOf(totp.secret, code, this.now());
    if (step === null) return fail('invalid-second-factor', INVALID_SECOND_FACTOR);
    const recoveryCodes = newRecoveryCodes();
    const confirmed = await this.repository.confirmTotp(accountId, this.now(), step, recoveryCodes.map(hashRecoveryCode));
    if (!confirmed) return fail('totp-already-enabled', 'Two-factor authentication is on already.');
    this.log('totp-enabled', { accountId });
    return { ok: true, value: { recoveryCodes } };
  }

  /** Turns TOTP off after the password and a current code (or a recovery code). */
  async disableTotp(
    accountId: string,
    password: string,
    secondFactor: SecondFactor,
    address: string,
  ): Promise<ServiceResult<{ totpEnabled: false }>> {
    const confirmed = await this.confirmPassword(accountId, password, address);
    if (!confirmed.ok) return confirmed;
    const totp = await this.repository.getTotp(accountId);
    if (totp?.confirmedAt == null) return fail('totp-not-enabled', 'Two-factor authentication is not on.');
    const checked = await this.checkSecondFactor(accountId, totp.secret, secondFactor);
    if (!checked.ok) {
      this.recordFailure(confirmed.value.key, address, checked.error.code, accountId);
      return checked;
    }
    await this.repository.deleteTotp(accountId);
    this.log('totp-disabled', { accountId });
    return { ok: true, value: { totpEnabled: false } };
  }

  /** Deletes the account and everything the server holds for it, after the password. */
  async deleteAccount(accountId: string, password: string, address: string): Promise<ServiceResult<{ deleted: true }>> {
    const confirmed = await this.confirmPassword(accountId, password, address);
    if (!confirmed.ok) return confirmed;
    const sessionIds = await this.repository.deleteAllSessions(accountId);
    await this.repository.deleteAccount(accountId);
    this.accountFailures.reset(confirmed.value.key);
    this.emit({ accountId, sessionIds });
    this.log('account-deleted', { accountId });
    return { ok: true, value: { deleted: true } };
  }

  /** Drops expired refresh tokens and the sessions they leave empty; call it now and then (hourly is plenty). */
  async purgeExpired(): Promise<number> {
    return this.repository.purgeExpired(this.now());
  }

  private async startSession(account: AccountRecord): Promise<SessionResponse> {
    const now = this.now();
    const sessionId = newId();
    const refreshToken = newRefreshToken();
    const refreshTokenExpiresAt = now + this.refreshTokenTtlMs;
    await this.repository.createSession(
      { id: sessionId, accountId: account.id, createdAt: now },
      { hash: hashRefreshToken(refreshToken), createdAt: now, expiresAt: refreshTokenExpiresAt },
    );
    const access = this.signer.issue(account.id, sessionId);
    return {
      account: await this.profileOf(account),
      refreshToken,
      refreshTokenExpiresAt,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
    };
  }

  private async profileOf(account: AccountRecord): Promise<AccountProfile> {
    const totp = await this.repository.getTotp(account.id);
    return { id: account.id, username: account.username, email: account.email, totpEnabled: totp?.confirmedAt != null };
  }

  private async checkSecondFactor(accountId: string, secret: string, factor: SecondFactor): Promise<ServiceResult<null>> {
    if (factor.kind === 'recovery') {
      const used = await this.repository.consumeRecoveryCode(accountId, hashRecoveryCode(factor.code));
      return used ? { ok: true, value: null } : fail('invalid-second-factor', 'That recovery code is not right, or it was used already.');
    }
    const step = totpStepOf(secret, factor.code, this.now());
    if (step === null) return fail('invalid-second-factor', INVALID_SECOND_FACTOR);
    if (!(await this.repository.claimTotpStep(accountId, step))) {
      return fail('second-factor-reused', 'That code was used already. Wait for the next code in your authenticator app.');
    }
    return { ok: true, value: null };
  }

  /** For actions a signed-in person confirms with the password; counted with the sign-in failures. */
  private async confirmPassword(accountId: string, password: string, address: string): Promise<ServiceResult<{ key: string }>> {
    const account = await this.repository.findAccountById(accountId);
    if (!account) return fail('access-token-invalid', SESSION_ENDED);
    const key = `email:${account.email}`;
    const limited = this.rateLimited(key, address);
    if (limited) return limited;
    if (!(await this.hasher.verify(password, account.passwordHash))) {
      this.recordFailure(key, address, 'wrong-password', accountId);
      return fail('invalid-credentials', 'That password is not right.');
    }
    return { ok: true, value: { key } };
  }

  private rateLimited(accountKey: string, address: string): { ok: false; error: ServiceError } | null {
    const wait = Math.max(this.accountFailures.retryAfterMs(accountKey), this.addressFailures.retryAfterMs(address));
    if (wait === 0) return null;
    this.log('sign-in-rate-limited', { address });
    return fail('rate-limited', `Too many failed sign-in attempts. Try again in ${inMinutes(wait)}.`, Math.ceil(wait / 1000));
  }

  private recordFailure(accountKey: string, address: string, reason: string, accountId?: string): void {
    this.accountFailures.record(accountKey);
    this.addressFailures.record(address);
    this.log('sign-in-failed', { reason, address, ...(accountId ? { accountId } : {}) });
  }

  private async endSessions(accountId: string, sessionIds: string[], deleteThem = true): Promise<void> {
    if (deleteThem) for (const sessionId of sessionIds) await this.repository.deleteSession(sessionId);
    if (sessionIds.length > 0) this.emit({ accountId, sessionIds });
  }

  private emit(event: SessionsEndedEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log('sessions-ended-listener-error', { error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  private dummyPasswordHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('base64url'));
    return this.dummyHash;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function inMinutes(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
