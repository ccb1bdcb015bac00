import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  dataUrlPayloadBytes,
  fileReportRequestSchema,
  formatReportNumber,
  isModerationApiPath,
  matchRoutePath,
  moderationRoutes,
  parseReportNumber,
  reportReferenceSchema,
  resolveReportRequestSchema,
  routePath,
} from '../../../src/shared/moderation-api';
import { jpegDataUrl, stillFrameJpeg } from './jpeg-still-frame';

describe('the shared moderation contract', () => {
  it('turns report sequences into numbers people can read out, and back', () => {
    expect(formatReportNumber(42)).toBe('R-1042');
    expect(parseReportNumber('R-1042')).toBe(42);
    expect(parseReportNumber(' r-1042 ')).toBe(42);
    expect(parseReportNumber('R-1000')).toBeNull();
    expect(parseReportNumber('1042')).toBeNull();
    expect(parseReportNumber(randomUUID())).toBeNull();
    expect(reportReferenceSchema.safeParse('R-1042').success).toBe(true);
    expect(reportReferenceSchema.safeParse(randomUUID()).success).toBe(true);
    expect(reportReferenceSchema.safeParse('report 7').success).toBe(false);
  });

  it('measures a data URL’s decoded size exactly, without decoding it', () => {
    for (const size of [141, 142, 143, 1_000, 307_200]) {
      const jpeg = stillFrameJpeg(size);
      expect(jpeg.length).toBe(size);
      expect(dataUrlPayloadBytes(jpegDataUrl(jpeg))).toBe(size);
    }
  });

  it('matches and builds route paths with their parameters', () => {
    const id = randomUUID();
    expect(matchRoutePath(moderationRoutes.reportDetails.path, `/api/reports/${id}/details`)).toEqual({ reportId: id });
    expect(matchRoutePath(moderationRoutes.reportDetails.path, '/api/reports//details')).toBeNull();
    expect(matchRoutePath(moderationRoutes.reportDetails.path, '/api/reports/%E0%A4%A/details')).toBeNull();
    expect(matchRoutePath(moderationRoutes.fileReport.path, '/api/reports/x')).toBeNull();
    expect(routePath(moderationRoutes.moderationResolve.path, { reportRef: 'R-1042' })).toBe('/api/moderation/reports/R-1042/resolve');
    expect(() => routePath(moderationRoutes.moderationResolve.path)).toThrow(/reportRef/);
    expect(isModerationApiPath('/api/blocks')).toBe(true);
    expect(isModerationApiPath('/api/blocksmith')).toBe(false);
    expect(isModerationApiPath('/api/accounts/me')).toBe(false);
  });

  it('accepts a full report and refuses extra fields the server must decide itself', () => {
    const report = {
      reportId: randomUUID(),
      pairId: 'pair_1',
      callStartedAt: 1,
      chatExcerpt: [{ from: 'me', text: 'hi', at: 2 }],
      frame: jpegDataUrl(stillFrameJpeg()),
    };
    expect(fileReportRequestSchema.safeParse(report).success).toBe(true);
    expect(fileReportRequestSchema.safeParse({ ...report, reporterAlias: 'x' }).success).toBe(false);
    expect(fileReportRequestSchema.safeParse({ ...report, chatExcerpt: [{ from: 'moderator', text: 'hi', at: 2 }] }).success).toBe(false);
    expect(resolveReportRequestSchema.safeParse({ action: 'suspend', days: 7 }).success).toBe(true);
    expect(resolveReportRequestSchema.safeParse({ action: 'suspend', days: 0 }).success).toBe(false);
    expect(resolveReportRequestSchema.safeParse({ action: 'ban', days: 7 }).success).toBe(false);
  });
});
