/**
 * What the credential vault accepts from its callers, checked before
 * anything touches the keychain or the store, and the error it throws.
 */
import { z } from 'zod';

/** Keychain accounts the vault uses for itself; account ids may not start with it. */
export const RESERVED_ACCOUNT_PREFIX = 'cam-party:';

export class CredentialVaultError extends Error {
  override name = 'CredentialVaultError';
}

export const accountIdSchema = z
  .string({ error: 'The account id must be a string.' })
  .min(1, 'The account id is empty.')
  .max(256, 'The account id is longer than 256 characters.')
  .regex(/^[^\p{Cc}]+$/u, 'The account id contains control characters.')
  .refine((id) => !id.startsWith(RESERVED_ACCOUNT_PREFIX), `Account ids may not start with "${RESERVED_ACCOUNT_PREFIX}".`);

export const refreshTokenSchema = z
  .string({ error: 'The refresh token must be a string.' })
  .min(1, 'The refresh token is empty.')
  .max(4096, 'The refresh token is longer than 4096 characters.')
  .regex(/^[\x21-\x7E]+$/, 'The refresh token must be printable ASCII without spaces.');

export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CredentialVaultError(parsed.error.issues[0]?.message ?? 'Invalid input.');
  return parsed.data;
}
