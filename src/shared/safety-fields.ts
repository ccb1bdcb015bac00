/**
 * The fields the safety APIs share (reports, blocks, the moderation queue):
 * ids, report numbers, the chat excerpt, the still frame and the reasons a
 * person can give, with the limits the server enforces on each.
 */
import { z } from 'zod';
import { opaqueIdSchema as opaqueId, timestampMs } from './account-fields';

export { accountIdSchema, opaqueIdSchema as opaqueId, timestampMs } from './account-fields';

/** A still frame of the stranger's video may be at most this large once decoded. */
export const MAX_REPORT_FRAME_BYTES = 300 * 1024;
/** Room for the largest frame in base64 plus a full chat excerpt; larger bodies are refused unread (413). */
export const MAX_REPORT_BODY_BYTES = 512 * 1024;
/** Every other route's body limit. */
export const MAX_SMALL_BODY_BYTES = 16 * 1024;
export const MAX_CHAT_EXCERPT_MESSAGES = 20;
export const MAX_CHAT_EXCERPT_TEXT = 500;
export const MAX_REPORT_DETAILS_TEXT = 2000;
export const MAX_MODERATOR_NOTE_TEXT = 2000;
/** The guide promises an answer within 24 hours of a report. */
export const REPORT_RESPONSE_DEADLINE_MS = 24 * 60 * 60 * 1000;

export const reportIdSchema = z.uuid('A report id is a UUID the app generates, such as crypto.randomUUID().');
/** The same opaque ids the signaling server hands out. */
export const pairIdSchema = opaqueId;

/** "R-1042": what the person and the moderators call a report. */
export const reportNumberSchema = z.string().regex(/^R-\d{4,15}$/, 'A report number looks like R-1042.');
const REPORT_NUMBER_OFFSET = 1000;
export function formatReportNumber(sequence: number): string {
  return `R-${sequence + REPORT_NUMBER_OFFSET}`;
}
/** The database sequence behind a report number, or null when it is not one. */
export function parseReportNumber(text: string): number | null {
  const match = /^R-(\d{4,15})$/i.exec(text.trim());
  if (!match) return null;
  const sequence = Number(match[1]) - REPORT_NUMBER_OFFSET;
  return Number.isSafeInteger(sequence) && sequence > 0 ? sequence : null;
}
/** A moderator names a report by its id or by its number. */
export const reportReferenceSchema = z.union(
  [reportIdSchema, reportNumberSchema],
  'Give a report id (a UUID) or a report number such as R-1042.',
);

export const chatExcerptMessageSchema = z.strictObject({
  from: z.enum(['me', 'stranger']),
  text: z.string().max(MAX_CHAT_EXCERPT_TEXT, `A chat message in a report has at most ${MAX_CHAT_EXCERPT_TEXT} characters.`),
  at: timestampMs,
});
export type ChatExcerptMessage = z.infer<typeof chatExcerptMessageSchema>;

export const JPEG_DATA_URL_PREFIX = 'data:image/jpeg;base64,';
/**
 * One JPEG still frame as a data URL. Its decoded size is checked by the
 * server (413 "evidence-too-large" above MAX_REPORT_FRAME_BYTES), so the
 * person is told the frame is too big rather than that the request is malformed.
 */
export const reportFrameSchema = z
  .string()
  .max(MAX_REPORT_BODY_BYTES)
  .startsWith(JPEG_DATA_URL_PREFIX, 'The still frame must be a JPEG data URL ("data:image/jpeg;base64,...").')
  .refine((value) => /^[A-Za-z0-9+/]*={0,2}$/.test(value.slice(JPEG_DATA_URL_PREFIX.length)), 'The still frame is not valid base64.')
  // Every JPEG starts with the bytes FF D8 FF, which base64 writes as "/9j/".
  .refine((value) => value.startsWith('/9j/', JPEG_DATA_URL_PREFIX.length), 'The still frame is not a JPEG image.');

/** The decoded size of a base64 data URL's payload, without decoding it. */
export function dataUrlPayloadBytes(dataUrl: string): number {
  const payload = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  return Math.floor((payload.length * 3) / 4) - padding;
}

/** The categories of "What to Do If You Feel Unsafe", in the order the form lists them. */
export const reportReasonSchema = z.enum(
  ['personal-info', 'leave-platform', 'money', 'sexual-content', 'harassment', 'under-age', 'other'],
  'Choose one of the listed reasons.',
);
export type ReportReason = z.infer<typeof reportReasonSchema>;
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  'personal-info': 'asked for personal information',
  'leave-platform': 'pressured to move to another app',
  money: 'asked for money or gifts',
  'sexual-content': 'sexual or inappropriate content',
  harassment: 'harassment or threats',
  'under-age': 'seems under age',
  other: 'other',
};
