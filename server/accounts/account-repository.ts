/**
 * What the account service needs from storage. The SQLite implementation is
 * the default; a larger deployment can implement the same interface on a
 * server database, which is why every method returns a promise. Each method
 * is atomic on its own, so no caller needs a transaction.
 */

export interface AccountRecord {
  id: string;
  /** Trimmed and lower case. */
  email: string;
  username: string;
  /** The encoded scrypt hash (see password-hasher.ts). */
  passwordHash: string;
  createdAt: number;
}

export interface RefreshTokenRecord {
  sessionId: string;
  accountId: string;
  expiresAt: number;
  /** Set once the token was exchanged for a new one. */
  usedAt: number | null;
}

export interface NewRefreshToken {
  /** SHA-256 of the token; the token itself never reaches storage. */
  hash: Buffer;
  createdAt: number;
  expiresAt: number;
}

export interface TotpRecord {
  /** Base32. */
  secret: string;
  createdAt: number;
  /** Null while enrolment waits for its first code. */
  confirmedAt: number | null;
  lastUsedStep: number | null;
}

export type CreateAccountResult = 'created' | 'email-taken' | 'username-taken';

export interface AccountRepository {
  createAccount(account: AccountRecord): Promise<CreateAccountResult>;
  findAccountByEmail(email: string): Promise<AccountRecord | null>;
  findAccountById(id: string): Promise<AccountRecord | null>;
  updatePasswordHash(accountId: string, passwordHash: string): Promise<void>;
  /** Removes the account and everything it owns; true when it existed. */
  deleteAccount(accountId: string): Promise<boolean>;

  createSession(session: { id: string; accountId: string; createdAt: number }, firstToken: NewRefreshToken): Promise<void>;
  sessionExists(sessionId: string, accountId: string): Promise<boolean>;
  findRefreshToken(hash: Buffer): Promise<RefreshTokenRecord | null>;
  /**
   * Marks the old token used and stores the next one of the same session, in
   * one step; false (and nothing stored) when the old token was already used.
   */
  rotateRefreshToken(oldHash: Buffer, next: NewRefreshToken, usedAt: number): Promise<boolean>;
  deleteSession(sessionId: string): Promise<void>;
  /** Returns the ids of the sessions it ended. */
  deleteAllSessions(accountId: string): Promise<string[]>;
  /** Drops expired refresh tokens and the sessions left without a valid one; returns how many sessions ended. */
  purgeExpired(now: number): Promise<number>;

  getTotp(accountId: string): Promise<TotpRecord | null>;
  /** Starts (or restarts) an enrolment that is not confirmed yet. */
  savePendingTotp(accountId: string, secret: string, createdAt: number): Promise<void>;
  /** Confirms a pending enrolment, marks its first code's step used and replaces the recovery codes. */
  confirmTotp(accountId: string, confirmedAt: number, step: number, recoveryCodeHashes: Buffer[]): Promise<boolean>;
  /** Records a code's time step as used; false when that step or a later one was used already. */
  claimTotpStep(accountId: string, step: number): Promise<boolean>;
  /** Turns two-factor authentication off: the secret and the recovery codes go. */
  deleteTotp(accountId: string): Promise<void>;
  /** Uses up one recovery code; false when the account has no such unused code. */
  consumeRecoveryCode(accountId: string, hash: Buffer): Promise<boolean>;
  countRecoveryCodes(accountId: string): Promise<number>;
}
