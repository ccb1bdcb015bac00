/**
 * The standing repository on the embedded SQLite database (table
 * account_sanctions, migration 2). No foreign key to accounts: a sanction
 * outlives the account, so deleting an account does not wipe its record.
 */
import type { Db } from '../database';
import type { NewSanction, SanctionKind, SanctionRecord, StandingRepository } from './standing-repository';

interface SanctionRow {
  id: number;
  account_id: string;
  kind: SanctionKind;
  created_at: number;
  until: number | null;
  reason: string;
  report_id: string | null;
  lifted_at: number | null;
}

const toSanction = (row: SanctionRow): SanctionRecord => ({
  id: row.id,
  accountId: row.account_id,
  kind: row.kind,
  createdAt: row.created_at,
  until: row.until,
  reason: row.reason,
  reportId: row.report_id,
  liftedAt: row.lifted_at,
});

export class SqliteStandingRepository implements StandingRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare<[string, SanctionKind, number, number | null, string, string | null]>(
        'INSERT INTO account_sanctions (account_id, kind, created_at, until, reason, report_id) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      byId: db.prepare<[number | bigint], SanctionRow>('SELECT * FROM account_sanctions WHERE id = ?'),
      active: db.prepare<[number], SanctionRow>(
        `SELECT * FROM account_sanctions
          WHERE kind IN ('suspension', 'ban', 'review-hold') AND lifted_at IS NULL AND (until IS NULL OR until > ?)`,
      ),
      liftHolds: db.prepare<[number, string]>(
        "UPDATE account_sanctions SET lifted_at = ? WHERE account_id = ? AND kind = 'review-hold' AND lifted_at IS NULL",
      ),
      ofAccount: db.prepare<[string], SanctionRow>(
        'SELECT * FROM account_sanctions WHERE account_id = ? ORDER BY created_at DESC, id DESC',
      ),
    };
  }

  async addSanction(sanction: NewSanction): Promise<SanctionRecord> {
    const { lastInsertRowid } = this.statements.insert.run(
      sanction.accountId,
      sanction.kind,
      sanction.createdAt,
      sanction.until,
      sanction.reason,
      sanction.reportId,
    );
    return toSanction(this.statements.byId.get(lastInsertRowid)!);
  }

  async activeRestrictions(now: number): Promise<SanctionRecord[]> {
    return this.statements.active.all(now).map(toSanction);
  }

  async liftReviewHolds(accountId: string, liftedAt: number): Promise<number> {
    return this.statements.liftHolds.run(liftedAt, accountId).changes;
  }

  async sanctionsOf(accountId: string): Promise<SanctionRecord[]> {
    return this.statements.ofAccount.all(accountId).map(toSanction);
  }
}
