/**
 * The account repository on the embedded SQLite database (tables from
 * migration 1 in server/database.ts). better-sqlite3 is synchronous, so each
 * method runs its statements in one transaction and resolves at once.
 */
import type { Db } from '../database';
import type {
  AccountRecord,
  AccountRepository,
  CreateAccountResult,
  NewRefreshToken,
  RefreshTokenRecord,
  TotpRecord,
} from './account-repository';

interface AccountRow {
  id: string;
  email: string;
  username: string;
  password_hash: string;
  created_at: number;
}

const toAccount = (row: AccountRow | undefined): AccountRecord | null =>
  row ? { id: row.id, email: row.email, username: row.username, passwordHash: row.password_hash, createdAt: row.created_at } : null;

export class SqliteAccountRepository implements AccountRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      emailExists: db.prepare<[string], 1>('SELECT 1 FROM accounts WHERE email = ?').pluck(),
      usernameExists: db.prepare<[string], 1>('SELECT 1 FROM accounts WHERE username = ?').pluck(),
      insertAccount: db.prepare(
        'INSERT INTO accounts (id, email, username, password_hash, created_at) VALUES (@id, @email, @username, @passwordHash, @createdAt)',
      ),
      accountByEmail: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE email = ?'),
      accountById: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?'),
      updatePasswordHash: db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?'),
      deleteAccount: db.prepare('DELETE FROM accounts WHERE id = ?'),
      insertSession: db.prepare('INSERT INTO sessions (id, account_id, created_at) VALUES (?, ?, ?)'),
      insertToken: db.prepare('INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      sessionExists: db.prepare<[string, string], 1>('SELECT 1 FROM sessions WHERE id = ? AND account_id = ?').pluck(),
      tokenByHash: db.prepare<[Buffer], { session_id: string; account_id: string; expires_at: number; used_at: number | null }>(
        `SELECT t.session_id, s.account_id, t.expires_at, t.used_at
           FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
          WHERE t.token_hash = ?`,
      ),
      markTokenUsed: db.prepare<[number, Buffer]>('UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL'),
      sessionOfToken: db.prepare<[Buffer], string>('SELECT session_id FROM refresh_tokens WHERE token_hash = ?').pluck(),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
      sessionIdsOfAccount: db.prepare<[string], string>('SELECT id FROM sessions WHERE account_id = ?').pluck(),
      deleteSessionsOfAccount: db.prepare('DELETE FROM sessions WHERE account_id = ?'),
      deleteExpiredTokens: db.prepare('DELETE FROM refresh_tokens WHERE expires_at <= ?'),
      deleteSessionsWithoutLiveToken: db.prepare(
        'DELETE FROM sessions WHERE id NOT IN (SELECT session_id FROM refresh_tokens WHERE used_at IS NULL)',
      ),
      totpOf: db.prepare<[string], { secret: string; created_at: number; confirmed_at: number | null; last_used_step: number | null }>(
        'SELECT secret, created_at, confirmed_at, last_used_step FROM totp_secrets WHERE account_id = ?',
      ),
      savePendingTotp: db.prepare(
        `INSERT INTO totp_secrets (account_id, secret, created_at) VALUES (?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at
         WHERE confirmed_at IS NULL`,
      ),
      confirmTotp: db.prepare('UPDATE totp_secrets SET confirmed_at = ?, last_used_step = ? WHERE account_id = ? AND confirmed_at IS NULL'),
      claimTotpStep: db.prepare(
        `UPDATE totp_secrets SET last_used_step = ?
          WHERE account_id = ? AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < ?)`,
      ),
      deleteTotp: db.prepare('DELETE FROM totp_secrets WHERE account_id = ?'),
      deleteRecoveryCodes: db.prepare('DELETE FROM recovery_codes WHERE account_id = ?'),
      insertRecoveryCode: db.prepare('INSERT INTO recovery_codes (account_id, code_hash) VALUES (?, ?)'),
      deleteRecoveryCode: db.prepare('DELETE FROM recovery_codes WHERE account_id = ? AND code_hash = ?'),
      countRecoveryCodes: db.prepare<[string], number>('SELECT count(*) FROM recovery_codes WHERE account_id = ?').pluck(),
    };
  }

  async createAccount(account: AccountRecord): Promise<CreateAccountResult> {
    return this.db.transaction((): CreateAccountResult => {
      if (this.statements.emailExists.get(account.email)) return 'email-taken';
      if (this.statements.usernameExists.get(account.username)) return 'username-taken';
      this.statements.insertAccount.run(account);
      return 'created';
    })();
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | null> {
    return toAccount(this.statements.accountByEmail.get(email));
  }

  async findAccountById(id: string): Promise<AccountRecord | null> {
    return toAccount(this.statements.accountById.get(id));
  }

  async updatePasswordHash(accountId: string, passwordHash: string): Promise<void> {
    this.statements.updatePasswordHash.run(passwordHash, accountId);
  }

  async deleteAccount(accountId: string): Promise<boolean> {
    const deleted = this.statements.deleteAccount.run(accountId).changes > 0;
    // secure_delete zeroes the freed pages; the checkpoint also moves them out
    // of the write-ahead log, whose older frames still hold the account's rows.
    if (deleted) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return deleted;
  }

  async createSession(session: { id: string; accountId: string; createdAt: number }, firstToken: NewRefreshToken): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertSession.run(session.id, session.accountId, session.createdAt);
      this.statements.insertToken.run(firstToken.hash, session.id, firstToken.createdAt, firstToken.expiresAt);
    })();
  }

  async sessionExists(sessionId: string, accountId: string): Promise<boolean> {
    return this.statements.sessionExists.get(sessionId, accountId) !== undefined;
  }

  async findRefreshToken(hash: Buffer): Promise<RefreshTokenRecord | null> {
    const row = this.statements.tokenByHash.get(hash);
    return row ? { sessionId: row.session_id, accountId: row.account_id, expiresAt: row.expires_at, usedAt: row.used_at } : null;
  }

  async rotateRefreshToken(oldHash: Buffer, next: NewRefreshToken, usedAt: number): Promise<boolean> {
    return this.db.transaction((): boolean => {
      if (this.statements.markTokenUsed.run(usedAt, oldHash).changes !== 1) return false;
      const sessionId = this.statements.sessionOfToken.get(oldHash)!;
      this.statements.insertToken.run(next.hash, sessionId, next.createdAt, next.expiresAt);
      return true;
    })();
  }

  async deleteSession(sessionId: string): Promise<void> {
    this.statements.deleteSession.run(sessionId);
  }

  async deleteAllSessions(accountId: string): Promise<string[]> {
    return this.db.transaction((): string[] => {
      const ids = this.statements.sessionIdsOfAccount.all(accountId);
      this.statements.deleteSessionsOfAccount.run(accountId);
      return ids;
    })();
  }

  async purgeExpired(now: number): Promise<number> {
    return this.db.transaction((): number => {
      this.statements.deleteExpiredTokens.run(now);
      return this.statements.deleteSessionsWithoutLiveToken.run().changes;
    })();
  }

  async getTotp(accountId: string): Promise<TotpRecord | null> {
    const row = this.statements.totpOf.get(accountId);
    return row ? { secret: row.secret, createdAt: row.created_at, confirmedAt: row.confirmed_at, lastUsedStep: row.last_used_step } : null;
  }

  async savePendingTotp(accountId: string, secret: string, createdAt: number): Promise<void> {
    this.statements.savePendingTotp.run(accountId, secret, createdAt);
  }

  async confirmTotp(accountId: string, confirmedAt: number, step: number, recoveryCodeHashes: Buffer[]): Promise<boolean> {
    return this.db.transaction((): boolean => {
      if (this.statements.confirmTotp.run(confirmedAt, step, accountId).changes !== 1) return false;
      this.statements.deleteRecoveryCodes.run(accountId);
      for (const hash of recoveryCodeHashes) this.statements.insertRecoveryCode.run(accountId, hash);
      return true;
    })();
  }

  async claimTotpStep(accountId: string, step: number): Promise<boolean> {
    return this.statements.claimTotpStep.run(step, accountId, step).changes === 1;
  }

  async deleteTotp(accountId: string): Promise<void> {
    this.db.transaction(() => {
      this.statements.deleteTotp.run(accountId);
      this.statements.deleteRecoveryCodes.run(accountId);
    })();
  }

  async consumeRecoveryCode(accountId: string, hash: Buffer): Promise<boolean> {
    return this.statements.deleteRecoveryCode.run(accountId, hash).changes === 1;
  }

  async countRecoveryCodes(accountId: string): Promise<number> {
    return this.statements.countRecoveryCodes.get(accountId) ?? 0;
  }
}
