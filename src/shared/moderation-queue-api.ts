/**
 * What the moderators' tools send and get back: the open-report queue, one
 * report's evidence with the reported account's history, and a decision.
 */
import { z } from 'zod';
import { accountStandingSchema } from './reports-api';
import {
  accountIdSchema,
  chatExcerptMessageSchema,
  JPEG_DATA_URL_PREFIX,
  MAX_MODERATOR_NOTE_TEXT,
  opaqueId,
  pairIdSchema,
  reportIdSchema,
  reportNumberSchema,
  reportReasonSchema,
  reportReferenceSchema,
  timestampMs,
} from './safety-fields';

// ---- moderation (moderator token) ----

export const moderationListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const openReportSummarySchema = z.strictObject({
  reportId: reportIdSchema,
  reportNumber: reportNumberSchema,
  filedAt: timestampMs,
  deadlineAt: timestampMs,
  /** Negative once the deadline has passed. */
  msUntilDeadline: z.number().int(),
  overdue: z.boolean(),
  reportedAccountId: accountIdSchema,
  /** At the time of the report; null if the account was gone already. */
  reportedUsername: z.string().nullable(),
  reason: reportReasonSchema.nullable(),
  chatMessages: z.number().int().nonnegative(),
  hasFrame: z.boolean(),
});
export type OpenReportSummary = z.infer<typeof openReportSummarySchema>;
export const moderationListResponseSchema = z.strictObject({
  /** Oldest first: the nearest deadline on top. */
  reports: z.array(openReportSummarySchema),
  openCount: z.number().int().nonnegative(),
  now: timestampMs,
});

export const moderationActionSchema = z.enum(['dismiss', 'warn', 'suspend', 'ban']);
export type ModerationAction = z.infer<typeof moderationActionSchema>;
const moderatorNote = z.string().trim().max(MAX_MODERATOR_NOTE_TEXT, `A note has at most ${MAX_MODERATOR_NOTE_TEXT} characters.`);
export const resolveReportRequestSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('dismiss'), note: moderatorNote.optional() }),
    z.strictObject({ action: z.literal('warn'), note: moderatorNote.optional() }),
    z.strictObject({
      action: z.literal('suspend'),
      days: z.number('A suspension needs "days": how many days it lasts.').int('Give whole days.').min(1).max(3650),
      note: moderatorNote.optional(),
    }),
    z.strictObject({ action: z.literal('ban'), note: moderatorNote.optional() }),
  ],
  'Choose an action: dismiss, warn, suspend (with days) or ban.',
);
export type ResolveReportRequest = z.output<typeof resolveReportRequestSchema>;

export const reportResolutionSchema = z.strictObject({
  action: moderationActionSchema,
  days: z.number().int().nullable(),
  /** For the moderators only; never shown to either person. */
  note: z.string().nullable(),
  resolvedAt: timestampMs,
});

export const sanctionSchema = z.strictObject({
  kind: z.enum(['warning', 'suspension', 'ban', 'review-hold']),
  createdAt: timestampMs,
  until: timestampMs.nullable(),
  reason: z.string(),
  reportId: reportIdSchema.nullable(),
  liftedAt: timestampMs.nullable(),
});
export type Sanction = z.infer<typeof sanctionSchema>;

export const reportEvidenceSchema = z.strictObject({
  reportId: reportIdSchema,
  reportNumber: reportNumberSchema,
  status: z.enum(['open', 'resolved']),
  filedAt: timestampMs,
  deadlineAt: timestampMs,
  msUntilDeadline: z.number().int(),
  /** Null once the reporter deleted their account. */
  reporterAccountId: accountIdSchema.nullable(),
  reporterAlias: opaqueId,
  reportedAccountId: accountIdSchema,
  reportedUsername: z.string().nullable(),
  reportedAlias: opaqueId,
  pairId: pairIdSchema,
  /** From the server's own record of the pair. */
  callStartedAt: timestampMs,
  /** What the reporter's app said. */
  clientCallStartedAt: timestampMs,
  chatExcerpt: z.array(chatExcerptMessageSchema),
  frame: z.string().startsWith(JPEG_DATA_URL_PREFIX).nullable(),
  reason: reportReasonSchema.nullable(),
  details: z.string().nullable(),
  detailsAt: timestampMs.nullable(),
  resolution: reportResolutionSchema.nullable(),
});
export type ReportEvidence = z.infer<typeof reportEvidenceSchema>;

export const reportedAccountSummarySchema = z.strictObject({
  accountId: accountIdSchema,
  /** False once the account was deleted; its reports stay for moderation. */
  exists: z.boolean(),
  standing: accountStandingSchema,
  openReports: z.number().int().nonnegative(),
  totalReports: z.number().int().nonnegative(),
  sanctions: z.array(sanctionSchema),
});
export const moderationReportResponseSchema = z.strictObject({
  report: reportEvidenceSchema,
  account: reportedAccountSummarySchema,
});
export const moderationReportParamsSchema = z.strictObject({ reportRef: reportReferenceSchema });
export const resolveReportResponseSchema = z.strictObject({
  reportId: reportIdSchema,
  reportNumber: reportNumberSchema,
  resolution: reportResolutionSchema,
  standing: accountStandingSchema,
});
