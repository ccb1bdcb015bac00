/**
 * The fields of the accounts API: email, username, passwords, second
 * factors and tokens, each with the messages a form shows beside it.
 */
import { z } from 'zod';

/** Addresses are compared trimmed and in lower case. */
export const emailSchema = z
  .string('Enter your email address.')
  .trim()
  .toLowerCase()
  .max(254, 'An email address has at most 254 characters.')
  .pipe(z.email('Enter a valid email address, such as name@example.com.'));

/** ASCII only, so that no two usernames look alike through look-alike letters. */
export const usernameSchema = z
  .string('Choose a username.')
  .trim()
  .min(3, 'Use at least 3 characters for your username.')
  .max(24, 'Use at most 24 characters for your username.')
  .regex(/^[A-Za-z0-9_.-]+$/, 'Use only letters, digits, dots, dashes and underscores in your username.');

export const MIN_PASSWORD_LENGTH = 10;
export const newPasswordSchema = z
  .string('Choose a password.')
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`)
  .max(256, 'Use at most 256 characters for your password.');
export const currentPasswordSchema = z
  .string('Enter your password.')
  .min(1, 'Enter your password.')
  .max(256, 'A password has at most 256 characters.');

export const totpCodeSchema = z
  .string('Enter the 6-digit code from your authenticator app.')
  .max(32, 'Enter the 6-digit code from your authenticator app.')
  .transform((code) => code.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'));

/** Recovery codes use Crockford's base32: no i, l, o or u, and those letters typed by mistake still work. */
export const RECOVERY_CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
}
export const recoveryCodeSchema = z
  .string('Enter one of your recovery codes.')
  .max(64, 'Enter one of your recovery codes, such as 4k7q-x2m9-bn3d-8fhz.')
  .transform(normalizeRecoveryCode)
  .pipe(z.string().regex(/^[0-9a-hjkmnp-tv-z]{16}$/, 'Enter one of your recovery codes, such as 4k7q-x2m9-bn3d-8fhz.'));

/** 32 random bytes in base64url. */
export const refreshTokenSchema = z.string('A refresh token is required.').regex(/^[A-Za-z0-9_-]{43}$/, 'This refresh token is not valid.');
/** "v1.<payload>.<signature>", all base64url: also a valid WebSocket subprotocol token. */
export const accessTokenSchema = z
  .string()
  .max(1024)
  .regex(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/, 'This access token is not valid.');

/** The opaque ids the server hands out (account ids, pair ids, call aliases). */
export const opaqueIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
export const accountIdSchema = opaqueIdSchema;
export const timestampMs = z.number().int().nonnegative();

export const secondFactorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('totp'), code: totpCodeSchema }),
  z.strictObject({ kind: z.literal('recovery'), code: recoveryCodeSchema }),
]);
export type SecondFactor = z.output<typeof secondFactorSchema>;
