/**
 * What the credential vault keeps in its small on-disk store: ciphertexts
 * only, and the non-secret facts around them. The store itself is an
 * interface (electron-store in the app, `conf` in tests, both fit it), and
 * everything read back is validated, because the file can be edited.
 */
import { z } from 'zod';

/** A JSON key-value store; keys here never contain dots (conf reads dots as paths). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

const encryptedTokensSchema = z.record(z.string().min(1), base64);

const dataKeyRecordSchema = z.discriminatedUnion('home', [
  z.strictObject({ home: z.literal('keychain') }),
  z.strictObject({ home: z.literal('encrypted-file'), cipherText: base64 }),
]);
export type DataKeyRecord = z.infer<typeof dataKeyRecordSchema>;

const KEYS = {
  encryptedRefreshTokens: 'encryptedRefreshTokens',
  lastSignedInAccountId: 'lastSignedInAccountId',
  chatLogDataKey: 'chatLogDataKey',
} as const;

export class CredentialVaultRecords {
  constructor(private readonly store: KeyValueStore) {}

  private read<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const raw = this.store.get(key);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(
        `The credential store's "${key}" entry is damaged (${parsed.error.issues[0]?.message ?? 'invalid'}); remove it and sign in again.`,
      );
    }
    return parsed.data;
  }

  encryptedRefreshToken(accountId: string): string | undefined {
    const tokens = this.read(KEYS.encryptedRefreshTokens, encryptedTokensSchema) ?? {};
    return Object.hasOwn(tokens, accountId) ? tokens[accountId] : undefined;
  }

  setEncryptedRefreshToken(accountId: string, cipherText: string): void {
    const tokens = this.read(KEYS.encryptedRefreshTokens, encryptedTokensSchema) ?? {};
    this.store.set(KEYS.encryptedRefreshTokens, { ...tokens, [accountId]: cipherText });
  }

  deleteEncryptedRefreshToken(accountId: string): void {
    const tokens = this.read(KEYS.encryptedRefreshTokens, encryptedTokensSchema);
    if (tokens === undefined || !Object.hasOwn(tokens, accountId)) return;
    const { [accountId]: _removed, ...rest } = tokens;
    if (Object.keys(rest).length === 0) this.store.delete(KEYS.encryptedRefreshTokens);
    else this.store.set(KEYS.encryptedRefreshTokens, rest);
  }

  lastSignedInAccountId(): string | null {
    return this.read(KEYS.lastSignedInAccountId, z.string().min(1)) ?? null;
  }

  setLastSignedInAccountId(accountId: string | null): void {
    if (accountId === null) this.store.delete(KEYS.lastSignedInAccountId);
    else this.store.set(KEYS.lastSignedInAccountId, accountId);
  }

  dataKey(): DataKeyRecord | undefined {
    return this.read(KEYS.chatLogDataKey, dataKeyRecordSchema);
  }

  setDataKey(record: DataKeyRecord | null): void {
    if (record === null) this.store.delete(KEYS.chatLogDataKey);
    else this.store.set(KEYS.chatLogDataKey, record);
  }
}
