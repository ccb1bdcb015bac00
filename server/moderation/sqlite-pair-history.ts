/**
 * Pair history on the embedded SQLite database (table recent_pairs, migration
 * 2). Each pair is two rows, one per side, so a lookup is one primary-key
 * read. A commit with synchronous = FULL costs an fsync (5 ms here, 20 ms at
 * p95), too slow for the matchmaker's path, which blocks every socket: so
 * `record` keeps the pair in memory, where `lookup` finds it at once, and
 * the pairs of one turn of the event loop are committed together right after
 * the matched messages went out. Old pairs are purged at most hourly.
 */
import type { Db } from '../database';
import { PAIR_RETENTION_MS, type PairHistory, type PairLookup, type PairRecord } from './pair-history';

const PURGE_EVERY_MS = 60 * 60 * 1000;

interface SideRow {
  alias: string;
  partner_account_id: string;
  partner_alias: string;
  started_at: number;
}

export interface SqlitePairHistoryOptions {
  now?: () => number;
  retentionMs?: number;
  log?: (event: string, details?: Record<string, unknown>) => void;
}

export class SqlitePairHistory implements PairHistory {
  private readonly statements;
  private readonly now: () => number;
  private readonly retentionMs: number;
  private readonly log: (event: string, details?: Record<string, unknown>) => void;
  /** Recorded but not yet committed, by pair id. */
  private readonly pending = new Map<string, PairRecord>();
  private flushScheduled = false;
  private lastPurgeAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    options: SqlitePairHistoryOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.retentionMs = options.retentionMs ?? PAIR_RETENTION_MS;
    this.log = options.log ?? (() => {});
    this.statements = {
      // A side whose account was deleted a moment ago is skipped; the other side is still stored, so it can report.
      insertSide: db.prepare<[string, string, string, string, string, number, string]>(
        `INSERT OR IGNORE INTO recent_pairs (pair_id, account_id, alias, partner_account_id, partner_alias, started_at)
         SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM accounts WHERE id = ?)`,
      ),
      side: db.prepare<[string, string, number], SideRow>(
        `SELECT alias, partner_account_id, partner_alias, started_at FROM recent_pairs
          WHERE pair_id = ? AND account_id = ? AND started_at > ?`,
      ),
      purge: db.prepare<[number]>('DELETE FROM recent_pairs WHERE started_at <= ?'),
    };
  }

  record(pair: PairRecord): void {
    if (!this.pending.has(pair.pairId)) this.pending.set(pair.pairId, pair);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  flush(): void {
    this.flushScheduled = false;
    if (this.pending.size > 0 && this.db.open) {
      const pairs = [...this.pending.values()];
      this.pending.clear();
      try {
        this.db.transaction(() => pairs.forEach((pair) => this.insert(pair)))();
      } catch (error) {
        // The calls go ahead; only reports and blocks of them would not find them.
        this.log('pair-record-failed', { pairs: pairs.length, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (this.db.open && this.now() - this.lastPurgeAt >= PURGE_EVERY_MS) this.purgeNow();
  }

  async lookup(pairId: string, accountId: string): Promise<PairLookup | null> {
    const since = this.now() - this.retentionMs;
    // The stored pair first: recording a pair again never changes it.
    const row = this.statements.side.get(pairId, accountId, since);
    if (row)
      return {
        reportedAccountId: row.partner_account_id,
        reporterAlias: row.alias,
        reportedAlias: row.partner_alias,
        startedAt: row.started_at,
      };
    const pending = this.pending.get(pairId);
    if (!pending || pending.startedAt <= since) return null;
    const index = pending.sides.findIndex((side) => side.accountId === accountId);
    if (index === -1) return null;
    const own = pending.sides[index]!;
    const partner = pending.sides[1 - index]!;
    return { reportedAccountId: partner.accountId, reporterAlias: own.alias, reportedAlias: partner.alias, startedAt: pending.startedAt };
  }

  async purgeExpired(): Promise<number> {
    this.flush();
    return this.purgeNow();
  }

  private insert(pair: PairRecord): void {
    const [first, second] = pair.sides;
    this.statements.insertSide.run(
      pair.pairId,
      first.accountId,
      first.alias,
      second.accountId,
      second.alias,
      pair.startedAt,
      first.accountId,
    );
    this.statements.insertSide.run(
      pair.pairId,
      second.accountId,
      second.alias,
      first.accountId,
      first.alias,
      pair.startedAt,
      second.accountId,
    );
  }

  private purgeNow(): number {
    this.lastPurgeAt = this.now();
    return this.statements.purge.run(this.now() - this.retentionMs).changes;
  }
}
