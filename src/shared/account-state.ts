/**
 * What the renderer may know about the signed-in account: never a token or
 * a password. The main process keeps those (see src/main/account-session.ts).
 */
import { z } from 'zod';
import { accountProfileSchema } from './accounts-api';
import { apiErrorSchema } from './api-error';

export const credentialPersistence = z.enum(['keychain', 'encrypted-file', 'memory-only']);

export const accountStateSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('signed-out') }),
  z.strictObject({
    status: z.literal('signed-in'),
    account: accountProfileSchema,
    /** memory-only: the person must sign in again after a restart, and is told so. */
    persistence: credentialPersistence,
  }),
]);
export type AccountState = z.infer<typeof accountStateSchema>;

/** Every account action answers with a value, not an exception, so forms can show the error. */
export const accountActionResult = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: apiErrorSchema }),
  ]);
