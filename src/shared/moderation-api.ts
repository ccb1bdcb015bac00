/**
 * The safety HTTP API between the desktop app's main process and the server
 * (reports, blocks) and between a moderator's tools and the server (the
 * moderation queue): every route with the schema of its path parameters,
 * its request and its response, and its error codes. The schemas themselves
 * live in safety-fields.ts, reports-api.ts and moderation-queue-api.ts and are
 * re-exported here; the server validates every body against them and clients
 * parse every reply.
 */
import type { z } from 'zod';
import { defineApiErrors } from './api-error';
import {
  API_ROUTES,
  type ApiRouteContract,
  BLOCKS_API_PREFIX,
  isUnderPrefix,
  MODERATION_API_PREFIX,
  REPORTS_API_PREFIX,
} from './api-routes';
import {
  moderationListQuerySchema,
  moderationListResponseSchema,
  moderationReportParamsSchema,
  moderationReportResponseSchema,
  resolveReportRequestSchema,
  resolveReportResponseSchema,
} from './moderation-queue-api';
import {
  blockListResponseSchema,
  blockRequestSchema,
  blockResponseSchema,
  fileReportRequestSchema,
  reportDetailsRequestSchema,
  reportDetailsResponseSchema,
  reportParamsSchema,
  reportReceiptSchema,
  unblockRequestSchema,
  unblockResponseSchema,
} from './reports-api';
import { MAX_REPORT_BODY_BYTES, MAX_SMALL_BODY_BYTES } from './safety-fields';

export * from './safety-fields';
export * from './reports-api';
export * from './moderation-queue-api';
export { BLOCKS_API_PREFIX, MODERATION_API_PREFIX, REPORTS_API_PREFIX, matchRoutePath, routePath } from './api-routes';

// ---- errors ----

export const { statuses: MODERATION_ERROR_STATUS, response: moderationErrorResponseSchema } = defineApiErrors({
  'evidence-too-large': 413,
  'moderator-token-invalid': 401,
  'moderation-disabled': 503,
  'pair-unknown': 404,
  'own-account': 400,
  'account-deleted': 410,
  'report-id-taken': 409,
  'report-not-found': 404,
  'report-already-resolved': 409,
});
export type ModerationErrorCode = keyof typeof MODERATION_ERROR_STATUS;
export type ModerationError = z.infer<typeof moderationErrorResponseSchema>['error'];

// ---- routes ----

interface ModerationRoute extends ApiRouteContract {
  /** "access-token": a signed-in person; "moderator-token": `Authorization: Bearer <moderator token>`. */
  auth: 'access-token' | 'moderator-token';
  /** Validates the path parameters. */
  params: z.ZodType | null;
  /** The query string (GET routes); null when none is accepted. */
  query: z.ZodType | null;
  maxBodyBytes: number;
}

const person = { auth: 'access-token', params: null, query: null } as const;
const moderator = { auth: 'moderator-token', query: null } as const;

export const moderationRoutes = {
  fileReport: {
    ...API_ROUTES.fileReport,
    ...person,
    request: fileReportRequestSchema,
    response: reportReceiptSchema,
    successStatus: 201,
    maxBodyBytes: MAX_REPORT_BODY_BYTES,
  },
  reportDetails: {
    ...API_ROUTES.reportDetails,
    ...person,
    params: reportParamsSchema,
    request: reportDetailsRequestSchema,
    response: reportDetailsResponseSchema,
    successStatus: 200,
    maxBodyBytes: MAX_REPORT_BODY_BYTES,
  },
  block: {
    ...API_ROUTES.block,
    ...person,
    request: blockRequestSchema,
    response: blockResponseSchema,
    successStatus: 201,
    maxBodyBytes: MAX_SMALL_BODY_BYTES,
  },
  listBlocks: {
    ...API_ROUTES.listBlocks,
    ...person,
    request: null,
    response: blockListResponseSchema,
    successStatus: 200,
    maxBodyBytes: 0,
  },
  unblock: {
    ...API_ROUTES.unblock,
    ...person,
    request: unblockRequestSchema,
    response: unblockResponseSchema,
    successStatus: 200,
    maxBodyBytes: MAX_SMALL_BODY_BYTES,
  },
  moderationList: {
    ...API_ROUTES.moderationList,
    ...moderator,
    params: null,
    query: moderationListQuerySchema,
    request: null,
    response: moderationListResponseSchema,
    successStatus: 200,
    maxBodyBytes: 0,
  },
  moderationShow: {
    ...API_ROUTES.moderationShow,
    ...moderator,
    params: moderationReportParamsSchema,
    request: null,
    response: moderationReportResponseSchema,
    successStatus: 200,
    maxBodyBytes: 0,
  },
  moderationResolve: {
    ...API_ROUTES.moderationResolve,
    ...moderator,
    params: moderationReportParamsSchema,
    request: resolveReportRequestSchema,
    response: resolveReportResponseSchema,
    successStatus: 200,
    maxBodyBytes: MAX_SMALL_BODY_BYTES,
  },
} as const satisfies Record<string, ModerationRoute>;
export type ModerationRouteName = keyof typeof moderationRoutes;
export const MODERATION_ROUTE_NAMES = Object.keys(moderationRoutes) as ModerationRouteName[];

/** Whether a request path belongs to this API (the server's handler answers all of these). */
export function isModerationApiPath(path: string): boolean {
  return [REPORTS_API_PREFIX, BLOCKS_API_PREFIX, MODERATION_API_PREFIX].some((prefix) => isUnderPrefix(prefix, path));
}
