/**
 * The moderators' side: open reports oldest first with the time left to
 * answer, one report's full evidence with the reported account's record,
 * and resolving a report with an action (dismiss, warn, suspend for some
 * days, ban). Any decision about an account lifts its automatic review hold:
 * a moderator has looked.
 */
import {
  JPEG_DATA_URL_PREFIX,
  REPORT_REASON_LABELS,
  formatReportNumber,
  parseReportNumber,
  type OpenReportSummary,
  type ReportEvidence,
  type ResolveReportRequest,
  type Sanction,
  type moderationListResponseSchema,
  type moderationReportResponseSchema,
  type resolveReportResponseSchema,
} from '../../src/shared/moderation-api';
import type { z } from 'zod';
import type { AccountStanding } from './account-standing';
import { moderationFailure, type ModerationResult, type ModerationServiceError } from './moderation-result';
import type { ReportRecord, ReportRepository, ReportResolution } from './report-repository';

const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_LIST_LIMIT = 100;

export interface ModerationQueueOptions {
  repository: ReportRepository;
  standing: AccountStanding;
  now?: () => number;
  log?: (event: string, details?: Record<string, unknown>) => void;
}

type ListResponse = z.infer<typeof moderationListResponseSchema>;
type ShowResponse = z.infer<typeof moderationReportResponseSchema>;
type ResolveResponse = z.infer<typeof resolveReportResponseSchema>;

export class ModerationQueue {
  private readonly repository: ReportRepository;
  private readonly standing: AccountStanding;
  private readonly now: () => number;
  private readonly log: (event: string, details?: Record<string, unknown>) => void;

  constructor(options: ModerationQueueOptions) {
    this.repository = options.repository;
    this.standing = options.standing;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
  }

  async listOpen(limit = DEFAULT_LIST_LIMIT): Promise<ModerationResult<ListResponse>> {
    const now = this.now();
    const reports: OpenReportSummary[] = (await this.repository.listOpen(limit)).map((report) => ({
      reportId: report.id,
      reportNumber: formatReportNumber(report.sequence),
      filedAt: report.filedAt,
      deadlineAt: report.deadlineAt,
      msUntilDeadline: report.deadlineAt - now,
      overdue: report.deadlineAt <= now,
      reportedAccountId: report.reportedAccountId,
      reportedUsername: report.reportedUsername,
      reason: report.reason,
      chatMessages: report.chatMessages,
      hasFrame: report.hasFrame,
    }));
    return { ok: true, value: { reports, openCount: await this.repository.countOpen(), now } };
  }

  async show(reference: string): Promise<ModerationResult<ShowResponse>> {
    const report = await this.find(reference);
    if (!report) return notFound(reference);
    const accountId = report.reportedAccountId;
    const counts = await this.repository.countsAbout(accountId);
    return {
      ok: true,
      value: {
        report: this.evidenceOf(report),
        account: {
          accountId,
          exists: await this.repository.accountExists(accountId),
          standing: this.standing.check(accountId),
          openReports: counts.open,
          totalReports: counts.total,
          sanctions: (await this.standing.history(accountId)).map(({ kind, createdAt, until, reason, reportId, liftedAt }): Sanction => ({
            kind,
            createdAt,
            until,
            reason,
            reportId,
            liftedAt,
          })),
        },
      },
    };
  }

  async resolve(reference: string, request: ResolveReportRequest): Promise<ModerationResult<ResolveResponse>> {
    const report = await this.find(reference);
    if (!report) return notFound(reference);
    if (report.status !== 'open') {
      return moderationFailure(
        'report-already-resolved',
        `Report ${formatReportNumber(report.sequence)} was resolved already (${report.resolution?.action}).`,
      );
    }
    const now = this.now();
    const resolution: ReportResolution = {
      action: request.action,
      days: request.action === 'suspend' ? request.days : null,
      note: request.note ? request.note : null,
      resolvedAt: now,
    };
    // The decision is marked first: if two moderators race, only one applies its action.
    if (!(await this.repository.resolve(report.id, resolution))) {
      return moderationFailure('report-already-resolved', `Report ${formatReportNumber(report.sequence)} was resolved already.`);
    }
    const accountId = report.reportedAccountId;
    const because = report.reason ? ` after a report (${REPORT_REASON_LABELS[report.reason]})` : ' after a report';
    if (request.action === 'warn') await this.standing.warn(accountId, `A moderator warned this account${because}.`, report.id);
    if (request.action === 'suspend') {
      const days = `${request.days} day${request.days === 1 ? '' : 's'}`;
      await this.standing.suspend(
        accountId,
        now + request.days * DAY,
        `A moderator suspended this account for ${days}${because}.`,
        report.id,
      );
    }
    if (request.action === 'ban') await this.standing.ban(accountId, `A moderator banned this account${because}.`, report.id);
    await this.standing.liftReviewHolds(accountId);
    this.log('report-resolved', {
      reportNumber: formatReportNumber(report.sequence),
      action: request.action,
      reportedAccountId: accountId,
    });
    return {
      ok: true,
      value: {
        reportId: report.id,
        reportNumber: formatReportNumber(report.sequence),
        resolution,
        standing: this.standing.check(accountId),
      },
    };
  }

  private async find(reference: string): Promise<ReportRecord | null> {
    const sequence = parseReportNumber(reference);
    return sequence === null ? this.repository.findById(reference) : this.repository.findBySequence(sequence);
  }

  private evidenceOf(report: ReportRecord): ReportEvidence {
    return {
      reportId: report.id,
      reportNumber: formatReportNumber(report.sequence),
      status: report.status,
      filedAt: report.filedAt,
      deadlineAt: report.deadlineAt,
      msUntilDeadline: report.deadlineAt - this.now(),
      reporterAccountId: report.reporterAccountId,
      reporterAlias: report.reporterAlias,
      reportedAccountId: report.reportedAccountId,
      reportedUsername: report.reportedUsername,
      reportedAlias: report.reportedAlias,
      pairId: report.pairId,
      callStartedAt: report.callStartedAt,
      clientCallStartedAt: report.clientCallStartedAt,
      chatExcerpt: report.chatExcerpt,
      frame: report.frame ? `${JPEG_DATA_URL_PREFIX}${report.frame.toString('base64')}` : null,
      reason: report.reason,
      details: report.details,
      detailsAt: report.detailsAt,
      resolution: report.resolution,
    };
  }
}

function notFound(reference: string): { ok: false; error: ModerationServiceError } {
  return moderationFailure('report-not-found', `There is no report ${reference.slice(0, 64)}.`);
}
