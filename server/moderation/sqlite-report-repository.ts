/**
 * The report repository on the embedded SQLite database (table reports,
 * migration 2). better-sqlite3 commits each transaction before returning and
 * the database runs with synchronous = FULL, so a report is on disk before
 * the client hears back. The reporter column is set to NULL when the
 * reporter's account is deleted (ON DELETE SET NULL); the report stays.
 */
import { z } from 'zod';
import { chatExcerptMessageSchema, type ModerationAction, type ReportReason } from '../../src/shared/moderation-api';
import type { Db } from '../database';
import type {
  InsertReportResult,
  NewReport,
  OpenReportRecord,
  ReportRecord,
  ReportRepository,
  ReportResolution,
} from './report-repository';

/** One row of the reports table, as SQLite returns it (tests read the table directly too). */
export interface ReportRow {
  sequence: number;
  id: string;
  reporter_account_id: string | null;
  reporter_alias: string;
  reported_account_id: string;
  reported_username: string | null;
  reported_alias: string;
  pair_id: string;
  call_started_at: number;
  client_call_started_at: number;
  filed_at: number;
  deadline_at: number;
  chat_excerpt: string;
  frame: Buffer | null;
  reason: ReportReason | null;
  details: string | null;
  details_at: number | null;
  status: 'open' | 'resolved';
  resolved_at: number | null;
  resolution_action: ModerationAction | null;
  resolution_days: number | null;
  resolution_note: string | null;
}

interface OpenRow {
  id: string;
  sequence: number;
  filed_at: number;
  deadline_at: number;
  reported_account_id: string;
  reported_username: string | null;
  reason: ReportReason | null;
  chat_messages: number;
  has_frame: number;
}

const storedExcerptSchema = z.array(chatExcerptMessageSchema);

const toReport = (row: ReportRow): ReportRecord => ({
  sequence: row.sequence,
  id: row.id,
  reporterAccountId: row.reporter_account_id,
  reporterAlias: row.reporter_alias,
  reportedAccountId: row.reported_account_id,
  reportedUsername: row.reported_username,
  reportedAlias: row.reported_alias,
  pairId: row.pair_id,
  callStartedAt: row.call_started_at,
  clientCallStartedAt: row.client_call_started_at,
  filedAt: row.filed_at,
  deadlineAt: row.deadline_at,
  chatExcerpt: storedExcerptSchema.parse(JSON.parse(row.chat_excerpt)),
  frame: row.frame,
  reason: row.reason,
  details: row.details,
  detailsAt: row.details_at,
  status: row.status,
  resolution:
    row.resolved_at !== null && row.resolution_action !== null
      ? { action: row.resolution_action, days: row.resolution_days, note: row.resolution_note, resolvedAt: row.resolved_at }
      : null,
});

export class SqliteReportRepository implements ReportRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      byId: db.prepare<[string], ReportRow>('SELECT * FROM reports WHERE id = ?'),
      bySequence: db.prepare<[number], ReportRow>('SELECT * FROM reports WHERE sequence = ?'),
      byReporterAndPair: db.prepare<[string, string], ReportRow>(
        'SELECT * FROM reports WHERE reporter_account_id = ? AND pair_id = ? ORDER BY sequence LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO reports (id, reporter_account_id, reporter_alias, reported_account_id, reported_username, reported_alias,
                              pair_id, call_started_at, client_call_started_at, filed_at, deadline_at, chat_excerpt, frame)
         VALUES (@id, @reporterAccountId, @reporterAlias, @reportedAccountId,
                 (SELECT username FROM accounts WHERE id = @reportedAccountId), @reportedAlias,
                 @pairId, @callStartedAt, @clientCallStartedAt, @filedAt, @deadlineAt, @chatExcerpt, @frame)`,
      ),
      updateDetails: db.prepare<[ReportReason, string, Buffer | null, number, string, string]>(
        'UPDATE reports SET reason = ?, details = ?, frame = COALESCE(frame, ?), details_at = ? WHERE id = ? AND reporter_account_id = ?',
      ),
      listOpen: db.prepare<[number], OpenRow>(
        `SELECT id, sequence, filed_at, deadline_at, reported_account_id, reported_username, reason,
                json_array_length(chat_excerpt) AS chat_messages, frame IS NOT NULL AS has_frame
           FROM reports WHERE status = 'open' ORDER BY filed_at, sequence LIMIT ?`,
      ),
      countOpen: db.prepare<[], number>("SELECT count(*) FROM reports WHERE status = 'open'").pluck(),
      resolve: db.prepare<[number, ModerationAction, number | null, string | null, string]>(
        `UPDATE reports SET status = 'resolved', resolved_at = ?, resolution_action = ?, resolution_days = ?, resolution_note = ?
          WHERE id = ? AND status = 'open'`,
      ),
      distinctReporters: db
        .prepare<[string, number, string], number>(
          `SELECT count(DISTINCT reporter_account_id) FROM reports
          WHERE reported_account_id = ? AND filed_at >= ? AND reporter_account_id IS NOT NULL
            AND filed_at > coalesce((SELECT max(resolved_at) FROM reports WHERE reported_account_id = ?), -1)`,
        )
        .pluck(),
      countsAbout: db.prepare<[string], { open: number; total: number }>(
        "SELECT coalesce(sum(status = 'open'), 0) AS open, count(*) AS total FROM reports WHERE reported_account_id = ?",
      ),
      accountExists: db.prepare<[string], 1>('SELECT 1 FROM accounts WHERE id = ?').pluck(),
    };
  }

  async insertReport(report: NewReport): Promise<InsertReportResult> {
    return this.db.transaction((): InsertReportResult => {
      const sameId = this.statements.byId.get(report.id);
      if (sameId)
        return sameId.reporter_account_id === report.reporterAccountId
          ? { outcome: 'existing', report: toReport(sameId) }
          : { outcome: 'id-taken' };
      const sameCall = this.statements.byReporterAndPair.get(report.reporterAccountId, report.pairId);
      if (sameCall) return { outcome: 'existing', report: toReport(sameCall) };
      this.statements.insert.run({ ...report, chatExcerpt: JSON.stringify(report.chatExcerpt) });
      return { outcome: 'inserted', report: toReport(this.statements.byId.get(report.id)!) };
    })();
  }

  async findById(id: string): Promise<ReportRecord | null> {
    const row = this.statements.byId.get(id);
    return row ? toReport(row) : null;
  }

  async findBySequence(sequence: number): Promise<ReportRecord | null> {
    const row = this.statements.bySequence.get(sequence);
    return row ? toReport(row) : null;
  }

  async updateDetails(
    id: string,
    reporterAccountId: string,
    reason: ReportReason,
    details: string,
    frame: Buffer | null,
    at: number,
  ): Promise<ReportRecord | null> {
    return this.db.transaction((): ReportRecord | null => {
      if (this.statements.updateDetails.run(reason, details, frame, at, id, reporterAccountId).changes !== 1) return null;
      return toReport(this.statements.byId.get(id)!);
    })();
  }

  async listOpen(limit: number): Promise<OpenReportRecord[]> {
    return this.statements.listOpen.all(limit).map((row) => ({
      id: row.id,
      sequence: row.sequence,
      filedAt: row.filed_at,
      deadlineAt: row.deadline_at,
      reportedAccountId: row.reported_account_id,
      reportedUsername: row.reported_username,
      reason: row.reason,
      chatMessages: row.chat_messages,
      hasFrame: row.has_frame === 1,
    }));
  }

  async countOpen(): Promise<number> {
    return this.statements.countOpen.get() ?? 0;
  }

  async resolve(id: string, resolution: ReportResolution): Promise<boolean> {
    return this.statements.resolve.run(resolution.resolvedAt, resolution.action, resolution.days, resolution.note, id).changes === 1;
  }

  async distinctReportersSinceReview(reportedAccountId: string, since: number): Promise<number> {
    return this.statements.distinctReporters.get(reportedAccountId, since, reportedAccountId) ?? 0;
  }

  async countsAbout(reportedAccountId: string): Promise<{ open: number; total: number }> {
    return this.statements.countsAbout.get(reportedAccountId) ?? { open: 0, total: 0 };
  }

  async accountExists(accountId: string): Promise<boolean> {
    return this.statements.accountExists.get(accountId) !== undefined;
  }
}
