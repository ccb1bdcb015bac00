/**
 * The accounts HTTP API between the desktop app's main process and the
 * server: every route with the schema of its request and of its response,
 * the error shape, and how the socket presents an access token. The server
 * validates every body against these schemas; the client parses every reply.
 */
import { z } from 'zod';
import { defineApiErrors } from './api-error';
import { API_ROUTES, type ApiRouteContract } from './api-routes';
import { usernameWarningSchema } from './username-guidance';
import {
  accessTokenSchema,
  accountIdSchema,
  currentPasswordSchema,
  emailSchema,
  newPasswordSchema,
  refreshTokenSchema,
  secondFactorSchema,
  timestampMs,
  totpCodeSchema,
  usernameSchema,
} from './account-fields';

export * from './account-fields';

export { ACCOUNTS_API_PREFIX } from './api-routes';
/** Request bodies larger than this are refused unread (status 413). */
export const MAX_ACCOUNTS_BODY_BYTES = 16 * 1024;

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

// ---- responses ----

export const accountProfileSchema = z.strictObject({
  id: accountIdSchema,
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

export const { statuses: ACCOUNTS_ERROR_STATUS, response: accountsErrorResponseSchema } = defineApiErrors({
  'refresh-token-invalid': 401,
  'refresh-token-expired': 401,
  'invalid-credentials': 401,
  'second-factor-required': 401,
  'invalid-second-factor': 401,
  'second-factor-reused': 401,
  'email-taken': 409,
  'username-taken': 409,
  'totp-already-enabled': 409,
  'totp-not-started': 409,
  'totp-not-enabled': 409,
});
export type AccountsErrorCode = keyof typeof ACCOUNTS_ERROR_STATUS;
export type AccountsError = z.infer<typeof accountsErrorResponseSchema>['error'];

// ---- routes ----

interface AccountsRoute extends ApiRouteContract {
  /** "access-token": the request carries `Authorization: Bearer <access token>`. */
  auth: 'none' | 'access-token';
}

export const accountsRoutes = {
  signUp: {
    ...API_ROUTES.signUp,
    auth: 'none',
    request: signUpRequestSchema,
    response: signUpResponseSchema,
    successStatus: 201,
  },
  signIn: {
    ...API_ROUTES.signIn,
    auth: 'none',
    request: signInRequestSchema,
    response: signInResponseSchema,
    successStatus: 200,
  },
  refresh: {
    ...API_ROUTES.refresh,
    auth: 'none',
    request: refreshRequestSchema,
    response: sessionResponseSchema,
    successStatus: 200,
  },
  signOut: {
    ...API_ROUTES.signOut,
    auth: 'none',
    request: signOutRequestSchema,
    response: signOutResponseSchema,
    successStatus: 200,
  },
  me: {
    ...API_ROUTES.me,
    auth: 'access-token',
    request: null,
    response: accountResponseSchema,
    successStatus: 200,
  },
  totpEnrol: {
    ...API_ROUTES.totpEnrol,
    auth: 'access-token',
    request: totpEnrolRequestSchema,
    response: totpEnrolResponseSchema,
    successStatus: 200,
  },
  totpConfirm: {
    ...API_ROUTES.totpConfirm,
    auth: 'access-token',
    request: totpConfirmRequestSchema,
    response: totpConfirmResponseSchema,
    successStatus: 200,
  },
  totpDisable: {
    ...API_ROUTES.totpDisable,
    auth: 'access-token',
    request: totpDisableRequestSchema,
    response: totpDisableResponseSchema,
    successStatus: 200,
  },
  deleteAccount: {
    ...API_ROUTES.deleteAccount,
    auth: 'access-token',
    request: deleteAccountRequestSchema,
    response: deleteAccountResponseSchema,
    successStatus: 200,
  },
} as const satisfies Record<string, AccountsRoute>;
export type AccountsRouteName = keyof typeof accountsRoutes;
export const ACCOUNTS_ROUTE_NAMES = Object.keys(accountsRoutes) as AccountsRouteName[];

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
