/**
 * How every accounts outcome is written: a value ({ ok, value }) or an
 * error with a code and a plain message, never a throw for something a
 * client did; and the messages more than one part of accounts gives.
 */
import type { AccountsErrorCode } from '../../src/shared/accounts-api';

export interface ServiceError {
  code: AccountsErrorCode;
  message: string;
  retryAfterSeconds?: number;
}
export type ServiceFailure = { ok: false; error: ServiceError };
export type ServiceResult<T> = { ok: true; value: T } | ServiceFailure;

export type AccessCheck = { ok: true; accountId: string; sessionId: string } | ServiceFailure;

export const fail = (code: AccountsErrorCode, message: string, retryAfterSeconds?: number): ServiceFailure => ({
  ok: false,
  error: retryAfterSeconds === undefined ? { code, message } : { code, message, retryAfterSeconds },
});

export const INVALID_CREDENTIALS = 'The email address or the password is not right.';
export const SESSION_ENDED = 'This sign-in has ended. Sign in again.';
export const INVALID_SECOND_FACTOR = "That code is not right. Check that your phone's clock is set automatically, or use a recovery code.";

export type AccountsLog = (event: string, details?: Record<string, unknown>) => void;

/** "1 minute", "12 minutes": for messages that say how long to wait. */
export function inMinutes(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Addresses are compared trimmed and in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
