/**
 * Filing reports: the reported account, both sides' call aliases and the
 * call's start come from the server's pair record, the evidence from the
 * reporter's app. A report is stored durably before the answer, a retry of
 * the same report id returns the same answer, and each account may file only
 * so many reports in a while. Reports about one account from enough distinct
 * accounts within a window hold it out of matching until a moderator looks.
 */
import {
  MAX_REPORT_FRAME_BYTES,
  REPORT_RESPONSE_DEADLINE_MS,
  dataUrlPayloadBytes,
  formatReportNumber,
  type FileReportRequest,
  type ReportDetailsRequest,
  type ReportReceipt,
  type ReportReason,
} from '../../src/shared/moderation-api';
import { SlidingWindowLimiter, type SlidingWindowLimit } from '../accounts/sliding-window-limiter';
import type { AccountStanding } from './account-standing';
import { moderationFailure, PAIR_UNKNOWN_MESSAGE, type ModerationResult } from './moderation-result';
import type { PairHistory } from './pair-history';
import type { ReportRecord, ReportRepository } from './report-repository';

const MINUTE = 60_000;

export interface ReportLimits {
  /** New reports from one account in a short burst. */
  perAccountBurst: SlidingWindowLimit;
  /** New reports from one account over a longer stretch. */
  perAccountSustained: SlidingWindowLimit;
}
export const DEFAULT_REPORT_LIMITS: ReportLimits = {
  perAccountBurst: { limit: 5, windowMs: MINUTE },
  perAccountSustained: { limit: 30, windowMs: 60 * MINUTE },
};

export interface AutoSuspensionRule {
  /** This many distinct reporting accounts… */
  distinctReporters: number;
  /** …within this window hold the account for review. */
  windowMs: number;
}
export const DEFAULT_AUTO_SUSPENSION: AutoSuspensionRule = { distinctReporters: 3, windowMs: 60 * MINUTE };

export interface ReportServiceOptions {
  repository: ReportRepository;
  pairHistory: PairHistory;
  standing: AccountStanding;
  now?: () => number;
  limits?: Partial<ReportLimits>;
  autoSuspension?: Partial<AutoSuspensionRule>;
  /** Events for operators; never given evidence. */
  log?: (event: string, details?: Record<string, unknown>) => void;
}

export const receiptOf = (report: Pick<ReportRecord, 'id' | 'sequence' | 'deadlineAt'>): ReportReceipt => ({
  reportId: report.id,
  reportNumber: formatReportNumber(report.sequence),
  deadlineAt: report.deadlineAt,
});

export class ReportService {
  private readonly repository: ReportRepository;
  private readonly pairHistory: PairHistory;
  private readonly standing: AccountStanding;
  private readonly now: () => number;
  private readonly log: (event: string, details?: Record<string, unknown>) => void;
  private readonly burst: SlidingWindowLimiter;
  private readonly sustained: SlidingWindowLimiter;
  private readonly autoSuspension: AutoSuspensionRule;

  constructor(options: ReportServiceOptions) {
    this.repository = options.repository;
    this.pairHistory = options.pairHistory;
    this.standing = options.standing;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    const limits = { ...DEFAULT_REPORT_LIMITS, ...options.limits };
    this.burst = new SlidingWindowLimiter(limits.perAccountBurst, this.now);
    this.sustained = new SlidingWindowLimiter(limits.perAccountSustained, this.now);
    this.autoSuspension = { ...DEFAULT_AUTO_SUSPENSION, ...options.autoSuspension };
    if (!(this.autoSuspension.distinctReporters >= 1) || !(this.autoSuspension.windowMs > 0)) {
      throw new Error('Automatic suspension needs distinctReporters >= 1 and windowMs > 0.');
    }
  }

  /** A frame over the size limit gets a clear 413, not a generic "malformed" answer. */
  private frameProblem(frame: string | undefined): ReturnType<typeof moderationFailure> | null {
    const frameBytes = frame === undefined ? 0 : dataUrlPayloadBytes(frame);
    if (frameBytes <= MAX_REPORT_FRAME_BYTES) return null;
    return moderationFailure(
      'evidence-too-large',
      `The still frame is ${Math.ceil(frameBytes / 1024)} KB; a report can carry at most ${MAX_REPORT_FRAME_BYTES / 1024} KB. Send a smaller JPEG, or the report without it.`,
    );
  }

  async fileReport(reporterAccountId: string, request: FileReportRequest): Promise<ModerationResult<ReportReceipt>> {
    const frameProblem = this.frameProblem(request.frame);
    if (frameProblem) return frameProblem;

    // A retry is answered before the rate limit: it stores nothing, and it must never fail for having been sent twice.
    const earlier = await this.repository.findById(request.reportId);
    if (earlier) return this.answerForExisting(earlier, reporterAccountId);

    // Counted before any await below, so concurrent requests cannot all slip under the limit.
    const wait = Math.max(this.burst.retryAfterMs(reporterAccountId), this.sustained.retryAfterMs(reporterAccountId));
    if (wait > 0) {
      this.log('report-rate-limited', { reporterAccountId });
      const seconds = Math.ceil(wait / 1000);
      return moderationFailure(
        'rate-limited',
        `You have sent many reports in a short time. Try again in ${seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`}; block or skip in the meantime.`,
        seconds,
      );
    }
    this.burst.record(reporterAccountId);
    this.sustained.record(reporterAccountId);

    const pair = await this.pairHistory.lookup(request.pairId, reporterAccountId);
    if (!pair) return moderationFailure('pair-unknown', PAIR_UNKNOWN_MESSAGE);
    if (pair.reportedAccountId === reporterAccountId) return moderationFailure('own-account', 'You cannot report your own account.');

    const filedAt = this.now();
    const result = await this.repository.insertReport({
      id: request.reportId,
      reporterAccountId,
      reporterAlias: pair.reporterAlias,
      reportedAccountId: pair.reportedAccountId,
      reportedAlias: pair.reportedAlias,
      pairId: request.pairId,
      callStartedAt: pair.startedAt,
      clientCallStartedAt: request.callStartedAt,
      filedAt,
      deadlineAt: filedAt + REPORT_RESPONSE_DEADLINE_MS,
      chatExcerpt: request.chatExcerpt,
      frame: request.frame === undefined ? null : decodeFrame(request.frame),
    });
    if (result.outcome === 'id-taken') return this.idTaken();
    if (result.outcome === 'existing') return { ok: true, value: receiptOf(result.report), created: false };

    this.log('report-filed', { reportNumber: formatReportNumber(result.report.sequence), reportedAccountId: pair.reportedAccountId });
    await this.holdIfReportedByMany(pair.reportedAccountId, request.reportId);
    return { ok: true, value: receiptOf(result.report), created: true };
  }

  /** The optional form after a report: its reason and the person's own words, on the same report. */
  async addDetails(
    reporterAccountId: string,
    reportId: string,
    request: ReportDetailsRequest,
  ): Promise<ModerationResult<ReportReceipt & { reason: ReportReason }>> {
    const frameProblem = this.frameProblem(request.frame);
    if (frameProblem) return frameProblem;
    const frame = request.frame === undefined ? null : decodeFrame(request.frame);
    const updated = await this.repository.updateDetails(reportId, reporterAccountId, request.reason, request.details, frame, this.now());
    if (!updated)
      return moderationFailure('report-not-found', 'You have no report with this id. File the report first, then add details to it.');
    return { ok: true, value: { ...receiptOf(updated), reason: request.reason } };
  }

  private answerForExisting(report: ReportRecord, reporterAccountId: string): ModerationResult<ReportReceipt> {
    if (report.reporterAccountId !== reporterAccountId) return this.idTaken();
    return { ok: true, value: receiptOf(report), created: false };
  }

  private idTaken(): ModerationResult<ReportReceipt> {
    return moderationFailure(
      'report-id-taken',
      'Another report already has this id. Generate a new id (crypto.randomUUID()) for each report.',
    );
  }

  private async holdIfReportedByMany(reportedAccountId: string, reportId: string): Promise<void> {
    const reporters = await this.repository.distinctReportersSinceReview(reportedAccountId, this.now() - this.autoSuspension.windowMs);
    if (reporters < this.autoSuspension.distinctReporters) return;
    if (await this.standing.holdForReview(reportedAccountId, reportId)) {
      this.log('automatic-suspension', { reportedAccountId, distinctReporters: reporters });
    }
  }
}

function decodeFrame(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
