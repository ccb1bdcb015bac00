/**
 * How the safety services answer: a value, or an error with a code from the
 * shared contract and plain words for the person. Never a throw for
 * something a client did.
 */
import type { ModerationErrorCode } from '../../src/shared/moderation-api';

export interface ModerationServiceError {
  code: ModerationErrorCode;
  message: string;
  retryAfterSeconds?: number;
}

/** `created` says whether the request stored something new (201) or found it stored already (200). */
export type ModerationResult<T> = { ok: true; value: T; created?: boolean } | { ok: false; error: ModerationServiceError };

export function moderationFailure(
  code: ModerationErrorCode,
  message: string,
  retryAfterSeconds?: number,
): { ok: false; error: ModerationServiceError } {
  return { ok: false, error: retryAfterSeconds === undefined ? { code, message } : { code, message, retryAfterSeconds } };
}

export const PAIR_UNKNOWN_MESSAGE =
  'The server has no record of you being in that call. Calls can be reported or blocked for 7 days after they happen.';
