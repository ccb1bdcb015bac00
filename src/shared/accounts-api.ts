/**
 * The accounts HTTP API between the desktop app's main process and the
 * server: every route with the schema of its request and of its response,
 * the error shape, and how the socket presents an access token. The server
 * validates every body against these schemas; the client parses every reply.
 */
import { z } from 'zod';
import { usernameWarningSchema } from './username-guidance';

export const ACCOUNTS_API_PREFIX = '/api/accounts';
/** Request bodies larger than this are refused unread (status 413). */
export const MAX_ACCOUNTS_BODY_BYTES = 16 * 1024;

// ---- fields ----

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

const accountId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const timestampMs = z.number().int().nonnegative();

export const secondFactorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('totp'), code: totpCodeSchema }),
  z.strictObject({ kind: z.literal('recovery'), code: recoveryCodeSchema }),
]);
export type SecondFactor = z.output<typeof secondFactorSchema>;

// ---- requests ----

export const signUpRequestSchema = z.strictObject({
  email: emailSchema,
  username: usernameSchema,
  password: newPasswordSchema,
});
export const signInRequestSchema = z.strictObject({
  email: emailSchema,
  password: currentPasswordSchema,
  /** Required once two-factor authentication is on; the first try without it answers "second-factor-required". */
  secondFactor: secondFactorSchema.optional(),
});
export const refreshRequestSchema = z.strictObject({ refreshToken: refreshTokenSchema });
export const signOutRequestSchema = z.strictObject({
  refreshToken: refreshTokenSchema,
  /** Also end every other session of the account. */
  everywhere: z.boolean().optional(),
});
export const totpEnrolRequestSchema = z.strictObject({});
export const totpConfirmRequestSchema = z.strictObject({ code: totpCodeSchema });
export const totpDisableRequestSchema = z.strictObject({
  password: currentPasswordSchema,
  secondFactor: secondFactorSchema,
});
export const deleteAccountRequestSchema = z.strictObject({ password: currentPasswordSchema });

export type SignUpRequest = z.output<typeof signUpRequestSchema>;
export type SignInRequest = z.output<typeof signInRequestSchema>;
export type RefreshRequest = z.output<typeof refreshRequestSchema>;
export type SignOutRequest = z.output<typeof signOutRequestSchema>;
export type TotpConfirmRequest = z.output<typeof totpConfirmRequestSchema>;
export type TotpDisableRequest = z.output<typeof totpDisableRequestSchema>;
export type DeleteAccountRequest = z.output<typeof deleteAccountRequestSchema>;

// ---- responses ----

export const accountProfileSchema = z.strictObject({
  id: accountId,
  username: z.string(),
  email: z.string(),
  totpEnabled: z.boolean(),
});
export type AccountProfile = z.infer<typeof accountProfileSchema>;

export const sessionResponseSchema = z.strictObject({
  account: accountProfileSchema,
  /** Keep in the OS keychain; each use returns a new one and ends the old one. */
  refreshToken: refreshTokenSchema,
  refreshTokenExpiresAt: timestampMs,
  /** For opening the socket; valid for about ten minutes. */
  accessToken: accessTokenSchema,
  accessTokenExpiresAt: timestampMs,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const signUpResponseSchema = sessionResponseSchema.extend({
  /** The username was accepted; these only advise (see username-guidance.ts). */
  usernameWarnings: z.array(usernameWarningSchema).max(32),
});
export type SignUpResponse = z.infer<typeof signUpResponseSchema>;

export const signInResponseSchema = sessionResponseSchema.extend({
  /** Present after signing in with a recovery code. */
  recoveryCodesLeft: z.number().int().nonnegative().optional(),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const signOutResponseSchema = z.strictObject({ signedOut: z.literal(true) });
export const accountResponseSchema = z.strictObject({ account: accountProfileSchema });
export const totpEnrolResponseSchema = z.strictObject({
  /** Base32, for typing into an authenticator app by hand. */
  secret: z.string().regex(/^[A-Z2-7]+=*$/),
  otpauthUri: z.string().startsWith('otpauth://totp/'),
  /** An SVG QR code of `otpauthUri`. */
  qrCodeDataUrl: z.string().startsWith('data:image/svg+xml;base64,'),
});
export type TotpEnrolResponse = z.infer<typeof totpEnrolResponseSchema>;
export const RECOVERY_CODE_COUNT = 10;
export const totpConfirmResponseSchema = z.strictObject({
  /** Shown once: the server keeps only their hashes. */
  recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT),
});
export type TotpConfirmResponse = z.infer<typeof totpConfirmResponseSchema>;
export const totpDisableResponseSchema = z.strictObject({ totpEnabled: z.literal(false) });
export const deleteAccountResponseSchema = z.strictObject({ deleted: z.literal(true) });

// ---- errors ----

export const accountsErrorCode = z.enum([
  'bad-json',
  'invalid-request',
  'unsupported-media-type',
  'too-large',
  'not-found',
  'method-not-allowed',
  'access-token-invalid',
  'access-token-expired',
  'refresh-token-invalid',
  'refresh-token-expired',
  'invalid-credentials',
  'second-factor-required',
  'invalid-second-factor',
  'second-factor-reused',
  'rate-limited',
  'email-taken',
  'username-taken',
  'totp-already-enabled',
  'totp-not-started',
  'totp-not-enabled',
  'internal',
]);
export type AccountsErrorCode = z.infer<typeof accountsErrorCode>;

export const ACCOUNTS_ERROR_STATUS: Record<AccountsErrorCode, number> = {
  'bad-json': 400,
  'invalid-request': 400,
  'unsupported-media-type': 415,
  'too-large': 413,
  'not-found': 404,
  'method-not-allowed': 405,
  'access-token-invalid': 401,
  'access-token-expired': 401,
  'refresh-token-invalid': 401,
  'refresh-token-expired': 401,
  'invalid-credentials': 401,
  'second-factor-required': 401,
  'invalid-second-factor': 401,
  'second-factor-reused': 401,
  'rate-limited': 429,
  'email-taken': 409,
  'username-taken': 409,
  'totp-already-enabled': 409,
  'totp-not-started': 409,
  'totp-not-enabled': 409,
  internal: 500,
};

export const accountsErrorSchema = z.strictObject({
  code: accountsErrorCode,
  message: z.string().max(512),
  /** With "rate-limited": when to try again. */
  retryAfterSeconds: z.number().int().positive().optional(),
  /** With "invalid-request": each field that is wrong, for showing next to the field. */
  issues: z
    .array(z.strictObject({ path: z.string().max(128), message: z.string().max(256) }))
    .max(16)
    .optional(),
});
export type AccountsError = z.infer<typeof accountsErrorSchema>;
export const accountsErrorResponseSchema = z.strictObject({ error: accountsErrorSchema });

// ---- routes ----

interface AccountsRoute {
  method: 'GET' | 'POST';
  path: string;
  /** "access-token": the request carries `Authorization: Bearer <access token>`. */
  auth: 'none' | 'access-token';
  /** Null for routes without a body. */
  request: z.ZodType | null;
  response: z.ZodType;
  successStatus: 200 | 201;
}

export const accountsRoutes = {
  signUp: {
    method: 'POST',
    path: `${ACCOUNTS_API_PREFIX}/sign-up`,
    auth: 'none',
    request: signUpRequestSchema,
    response: signUpResponseSchema,
    successStatus: 201,
  },
  signIn: {
    method: 'POST',
    path: `${ACCOUNTS_API_PREFIX}/sign-in`,
    auth: 'none',
    request: signInRequestSchema,
    response: signInResponseSchema,
    successStatus: 200,
  },
  refresh: {
    method: 'POST',
    path: `${ACCOUNTS_API_PREFIX}/refresh`,
    auth: 'none',
    request: refreshRequestSchema,
    response: sessionResponseSchema,
    successStatus: 200,
  },
  signOut: {
    method: 'POST',
    path: `${ACCOUNTS_API_PREFIX}/sign-out`,
    auth: 'none',
    request: signOutRequestSchema,
    response: signOutResponseSchema,
    successStatus: 200,
  },
  me: {
    method: 'GET',
    path: `${ACCOUNTS_API_PREFIX}/me`,
    auth: 'access-token',
    request: null,
    response: accountResponseSchema,
    successStatus: 200,
  },
  totpEnrol: {
    method: 'POST',
    path: `${ACCOUNTS_API_PREFIX}/totp/enrol`,
    auth: 'access-token',
    request: totpEnrolRequestSchema,
    response: totpEnrolResponseSchema,
    successStatus: 200,
  },
  totpConfirm: {
    method: 'POST',
    path: `${ACCOUNTS_API_PREFIX}/totp/confirm`,
    auth: 'access-token',
    request: totpConfirmRequestSchema,
    response: totpConfirmResponseSchema,
    successStatus: 200,
  },
  totpDisable: {
    method: 'POST',
    path: `${ACCOUNTS_API_PREFIX}/totp/disable`,
    auth: 'access-token',
    request: totpDisableRequestSchema,
    response: totpDisableResponseSchema,
    successStatus: 200,
  },
  deleteAccount: {
    method: 'POST',
    path: `${ACCOUNTS_API_PREFIX}/delete`,
    auth: 'access-token',
    request: deleteAccountRequestSchema,
    response: deleteAccountResponseSchema,
    successStatus: 200,
  },
} as const satisfies Record<string, AccountsRoute>;
export type AccountsRouteName = keyof typeof accountsRoutes;

// ---- socket ----

/**
 * The socket presents its access token as a WebSocket subprotocol, so the
 * server can refuse the upgrade (401) before any socket exists, and the token
 * stays out of the URL (and out of proxy logs). The server answers with
 * SOCKET_PROTOCOL only; it never echoes the token.
 */
export const SOCKET_PROTOCOL = 'cam-party.v1';
export const ACCESS_TOKEN_PROTOCOL_PREFIX = 'cam-party.access-token.';

/** The `protocols` argument for `new WebSocket(url, protocols)`. */
export function socketProtocolsFor(accessToken: string): string[] {
  return [SOCKET_PROTOCOL, `${ACCESS_TOKEN_PROTOCOL_PREFIX}${accessToken}`];
}
