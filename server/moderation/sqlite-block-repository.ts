/**
 * The block repository on the embedded SQLite database (table blocks,
 * migration 2). Blocks go with either account when it is deleted (ON DELETE
 * CASCADE), so nothing here has to clean up after account deletion.
 */
import type { BlockedAccount } from '../../src/shared/moderation-api';
import type { Db } from '../database';
import type { AddBlockResult, BlockEdge, BlockRepository } from './block-repository';

interface BlockedRow {
  blocked_account_id: string;
  username: string;
  blocked_at: number;
}

const toBlocked = (row: BlockedRow): BlockedAccount => ({
  accountId: row.blocked_account_id,
  username: row.username,
  blockedAt: row.blocked_at,
});

export class SqliteBlockRepository implements BlockRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      accountExists: db.prepare<[string], 1>('SELECT 1 FROM accounts WHERE id = ?').pluck(),
      insert: db.prepare<[string, string, number]>(
        'INSERT OR IGNORE INTO blocks (blocker_account_id, blocked_account_id, blocked_at) VALUES (?, ?, ?)',
      ),
      one: db.prepare<[string, string], BlockedRow>(
        `SELECT b.blocked_account_id, a.username, b.blocked_at
           FROM blocks b JOIN accounts a ON a.id = b.blocked_account_id
          WHERE b.blocker_account_id = ? AND b.blocked_account_id = ?`,
      ),
      remove: db.prepare<[string, string]>('DELETE FROM blocks WHERE blocker_account_id = ? AND blocked_account_id = ?'),
      list: db.prepare<[string], BlockedRow>(
        `SELECT b.blocked_account_id, a.username, b.blocked_at
           FROM blocks b JOIN accounts a ON a.id = b.blocked_account_id
          WHERE b.blocker_account_id = ?
          ORDER BY b.blocked_at DESC, a.username`,
      ),
      all: db.prepare<[], { blocker_account_id: string; blocked_account_id: string }>(
        'SELECT blocker_account_id, blocked_account_id FROM blocks',
      ),
    };
  }

  async addBlock(blockerAccountId: string, blockedAccountId: string, blockedAt: number): Promise<AddBlockResult> {
    return this.db.transaction((): AddBlockResult => {
      if (!this.statements.accountExists.get(blockerAccountId) || !this.statements.accountExists.get(blockedAccountId)) {
        return { outcome: 'account-missing' };
      }
      const inserted = this.statements.insert.run(blockerAccountId, blockedAccountId, blockedAt).changes === 1;
      const row = this.statements.one.get(blockerAccountId, blockedAccountId)!;
      return { outcome: inserted ? 'blocked' : 'already-blocked', blocked: toBlocked(row) };
    })();
  }

  async removeBlock(blockerAccountId: string, blockedAccountId: string): Promise<boolean> {
    return this.statements.remove.run(blockerAccountId, blockedAccountId).changes === 1;
  }

  async listBlocks(blockerAccountId: string): Promise<BlockedAccount[]> {
    return this.statements.list.all(blockerAccountId).map(toBlocked);
  }

  async allBlocks(): Promise<BlockEdge[]> {
    return this.statements.all.all().map((row) => ({ blockerAccountId: row.blocker_account_id, blockedAccountId: row.blocked_account_id }));
  }
}
