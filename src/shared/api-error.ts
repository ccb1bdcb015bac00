/**
 * The one error shape every HTTP API of the server answers with (accounts,
 * reports, blocks, moderation), as the app passes it on: a code to act on and
 * a sentence to show. Each API narrows `code` to its own list with
 * `apiErrorSchemaOf`; `apiErrorSchema` accepts them all.
 */
import { z } from 'zod';

/** Codes every API shares (the HTTP plumbing and access tokens), with their statuses. */
export const COMMON_ERROR_STATUS = {
  'bad-json': 400,
  'invalid-request': 400,
  'unsupported-media-type': 415,
  'too-large': 413,
  'not-found': 404,
  'method-not-allowed': 405,
  'access-token-invalid': 401,
  'access-token-expired': 401,
  'rate-limited': 429,
  internal: 500,
} as const;

/** The error object with `code` limited to one API's codes. */
export function apiErrorSchemaOf<Code extends z.ZodType<string>>(code: Code) {
  return z.strictObject({
    code,
    message: z.string().max(512),
    /** With "rate-limited": when to try again (also in the Retry-After header). */
    retryAfterSeconds: z.number().int().positive().optional(),
    /** With "invalid-request": each field that is wrong, for showing next to the field. */
    issues: z
      .array(z.strictObject({ path: z.string().max(128), message: z.string().max(256) }))
      .max(16)
      .optional(),
  });
}

/** The body of every error answer: `{ error }`. */
export function apiErrorResponseSchemaOf<Error extends z.ZodType>(error: Error) {
  return z.strictObject({ error });
}

/**
 * One API's errors: the shared codes plus its own, each with its HTTP
 * status, and the schema of its error answers (`{ error }`).
 */
export function defineApiErrors<const Own extends Record<string, number>>(own: Own) {
  type Code = keyof typeof COMMON_ERROR_STATUS | (keyof Own & string);
  const statuses = { ...COMMON_ERROR_STATUS, ...own } as Record<Code, number>;
  const code = z.enum(Object.keys(statuses) as [Code, ...Code[]]);
  return { statuses, response: apiErrorResponseSchemaOf(apiErrorSchemaOf(code)) };
}

export const apiErrorSchema = apiErrorSchemaOf(z.string().min(1).max(64));
export type ApiError = z.infer<typeof apiErrorSchema>;
export const apiErrorResponseSchema = apiErrorResponseSchemaOf(apiErrorSchema);
