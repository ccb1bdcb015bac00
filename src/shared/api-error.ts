/**
 * An error from any of the server's HTTP APIs (accounts, reports, blocks),
 * as the app passes it on: a code to act on and a sentence to show. Each
 * API's own schema lists its codes; this one accepts them all.
 */
import { z } from 'zod';

export const apiErrorSchema = z.strictObject({
  code: z.string().min(1).max(64),
  message: z.string().max(512),
  retryAfterSeconds: z.number().int().positive().optional(),
  issues: z
    .array(z.strictObject({ path: z.string().max(128), message: z.string().max(256) }))
    .max(16)
    .optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
export const apiErrorResponseSchema = z.strictObject({ error: apiErrorSchema });
