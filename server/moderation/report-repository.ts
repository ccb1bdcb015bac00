/**
 * What reports need from storage. Every method is atomic on its own and
 * returns only after its change is durable, so the server can acknowledge a
 * report as soon as `insertReport` resolves.
 */
import type { ChatExcerptMessage, ModerationAction, ReportReason } from '../../src/shared/moderation-api';

export interface NewReport {
  /** The client-generated UUID. */
  id: string;
  reporterAccountId: string;
  reporterAlias: string;
  reportedAccountId: string;
  reportedAlias: string;
  pairId: string;
  /** From the server's pair record. */
  callStartedAt: number;
  clientCallStartedAt: number;
  filedAt: number;
  deadlineAt: number;
  chatExcerpt: ChatExcerptMessage[];
  /** The decoded JPEG, when the person chose to attach one. */
  frame: Buffer | null;
}

export interface ReportResolution {
  action: ModerationAction;
  days: number | null;
  note: string | null;
  resolvedAt: number;
}

export interface ReportRecord extends Omit<NewReport, 'reporterAccountId'> {
  /** The database sequence behind the report number. */
  sequence: number;
  /** Null once the reporter deleted their account. */
  reporterAccountId: string | null;
  /** The reported account's username when the report was filed. */
  reportedUsername: string | null;
  reason: ReportReason | null;
  details: string | null;
  detailsAt: number | null;
  status: 'open' | 'resolved';
  resolution: ReportResolution | null;
}

/** A report in the queue, without its evidence. */
export interface OpenReportRecord {
  id: string;
  sequence: number;
  filedAt: number;
  deadlineAt: number;
  reportedAccountId: string;
  reportedUsername: string | null;
  reason: ReportReason | null;
  chatMessages: number;
  hasFrame: boolean;
}

export type InsertReportResult =
  | { outcome: 'inserted'; report: ReportRecord }
  /** The same reporter sent this id before, or reported the same call under another id: nothing new was stored. */
  | { outcome: 'existing'; report: ReportRecord }
  /** Another account's report has this id. */
  | { outcome: 'id-taken' };

export interface ReportRepository {
  insertReport(report: NewReport): Promise<InsertReportResult>;
  findById(id: string): Promise<ReportRecord | null>;
  findBySequence(sequence: number): Promise<ReportRecord | null>;
  /** Sets the reason and details of the reporter's own report; null when it has no such report. */
  /** Sets the reason and details; a frame is stored only if the report has none yet. */
  updateDetails(
    id: string,
    reporterAccountId: string,
    reason: ReportReason,
    details: string,
    frame: Buffer | null,
    at: number,
  ): Promise<ReportRecord | null>;
  /** Oldest first. */
  listOpen(limit: number): Promise<OpenReportRecord[]>;
  countOpen(): Promise<number>;
  /** Marks an open report resolved; false when it was resolved already. */
  resolve(id: string, resolution: ReportResolution): Promise<boolean>;
  /**
   * How many distinct accounts reported this account since `since` and since
   * a moderator last resolved a report about it (a review starts the count afresh).
   */
  distinctReportersSinceReview(reportedAccountId: string, since: number): Promise<number>;
  countsAbout(reportedAccountId: string): Promise<{ open: number; total: number }>;
  accountExists(accountId: string): Promise<boolean>;
}
