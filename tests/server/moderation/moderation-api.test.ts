import { afterEach, describe, expect, it } from 'vitest';
import {
  REPORT_RESPONSE_DEADLINE_MS,
  moderationListResponseSchema,
  moderationReportResponseSchema,
  reportReceiptSchema,
  resolveReportResponseSchema,
} from '../../../src/shared/moderation-api';
import { REVIEW_HOLD_REASON } from '../../../server/moderation/account-standing';
import { jpegDataUrl, stillFrameJpeg } from './jpeg-still-frame';
import {
  MODERATOR_TOKEN,
  createModerationTestWorld,
  errorOf,
  reportBody,
  type ModerationTestWorld,
  type Person,
} from './moderation-test-world';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('the moderation API', () => {
  let world: ModerationTestWorld;
  afterEach(() => world.close());

  const fileAgainst = async (reporter: Person, reported: Person, extra: Record<string, unknown> = {}) => {
    const answer = await world.api('POST', '/api/reports', {
      token: reporter.accessToken,
      body: reportBody(world.callBetween(reporter, reported), extra),
    });
    expect(answer.status).toBe(201);
    return reportReceiptSchema.parse(answer.json);
  };

  it('is refused to anyone without the moderator token, and off (503) on a server without one', async () => {
    world = await createModerationTestWorld();
    const person = await world.signUp();
    const list = '/api/moderation/reports';
    expect(errorOf(await world.api('GET', list), 401, 'moderator-token-invalid').message).toMatch(/Authorization: Bearer/);
    expect(errorOf(await world.api('GET', list, { token: `${MODERATOR_TOKEN}x` }), 401, 'moderator-token-invalid').message).toMatch(
      /not right/,
    );
    // A person's access token is no moderator token.
    expect(errorOf(await world.api('GET', list, { token: person.accessToken }), 401, 'moderator-token-invalid'));
    expect(
      errorOf(
        await world.api('POST', `${list}/R-1001/resolve`, { token: 'guess', body: { action: 'ban' } }),
        401,
        'moderator-token-invalid',
      ),
    );
    expect((await world.moderatorApi('GET', list)).status).toBe(200);
    await world.close();

    world = await createModerationTestWorld({ moderatorToken: null });
    const disabled = await world.api('GET', list, { token: MODERATOR_TOKEN });
    expect(errorOf(disabled, 503, 'moderation-disabled').message).toMatch(/CAM_PARTY_MODERATOR_TOKEN/);
    // Reports still work: they wait for a moderator.
    await fileAgainst(await world.signUp('reporter'), await world.signUp('stranger'));
  });

  it('slows down guessing: after 10 wrong tokens an address waits, even with the right one', async () => {
    world = await createModerationTestWorld();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      errorOf(await world.api('GET', '/api/moderation/reports', { token: `wrong-${attempt}` }), 401, 'moderator-token-invalid');
    }
    const limited = errorOf(await world.moderatorApi('GET', '/api/moderation/reports'), 429, 'rate-limited');
    expect(limited.retryAfterSeconds).toBe(15 * 60);
    world.clock.advance(15 * 60 * 1000);
    expect((await world.moderatorApi('GET', '/api/moderation/reports')).status).toBe(200);
  });

  it('lists open reports oldest first with the time left to their 24-hour deadline', async () => {
    world = await createModerationTestWorld();
    const [a, b, c, d] = [await world.signUp('a'), await world.signUp('b'), await world.signUp('c'), await world.signUp('d')];
    const first = await fileAgainst(a, d, { chatExcerpt: [{ from: 'stranger', text: 'hi', at: 1 }] });
    world.clock.advance(2 * HOUR);
    const second = await fileAgainst(b, d, { frame: jpegDataUrl(stillFrameJpeg(2_000)) });
    world.clock.advance(20 * HOUR);
    const third = await fileAgainst(c, a);
    await world.api('POST', `/api/reports/${second.reportId}/details`, {
      token: b.accessToken,
      body: { reason: 'harassment', details: 'threats' },
    });

    world.clock.advance(3 * HOUR);
    const answer = await world.moderatorApi('GET', '/api/moderation/reports');
    expect(answer.status).toBe(200);
    const listed = moderationListResponseSchema.parse(answer.json);
    expect(listed.openCount).toBe(3);
    expect(listed.now).toBe(world.clock.now());
    expect(listed.reports.map((report) => report.reportNumber)).toEqual([first.reportNumber, second.reportNumber, third.reportNumber]);
    expect(listed.reports.map((report) => [report.msUntilDeadline, report.overdue])).toEqual([
      [-1 * HOUR, true],
      [1 * HOUR, false],
      [21 * HOUR, false],
    ]);
    expect(listed.reports[0]).toMatchObject({
      reportedAccountId: d.accountId,
      reportedUsername: d.username,
      chatMessages: 1,
      hasFrame: false,
      reason: null,
    });
    expect(listed.reports[1]).toMatchObject({
      hasFrame: true,
      reason: 'harassment',
      deadlineAt: listed.reports[1]!.filedAt + REPORT_RESPONSE_DEADLINE_MS,
    });

    const limited = moderationListResponseSchema.parse((await world.moderatorApi('GET', '/api/moderation/reports?limit=1')).json);
    expect(limited.reports.map((report) => report.reportId)).toEqual([first.reportId]);
    expect(limited.openCount).toBe(3);
    expect(errorOf(await world.moderatorApi('GET', '/api/moderation/reports?limit=0'), 400, 'invalid-request').message).toMatch(/^limit: /);
    expect(errorOf(await world.moderatorApi('GET', '/api/moderation/reports?sort=new'), 400, 'invalid-request'));
  });

  it('shows one report’s evidence, by id or by number, with the reported account’s record', async () => {
    world = await createModerationTestWorld();
    const [reporter, stranger] = [await world.signUp('reporter'), await world.signUp('stranger')];
    const call = world.callBetween(reporter, stranger);
    const frame = stillFrameJpeg(5_000);
    const chatExcerpt = [{ from: 'stranger' as const, text: 'how old are you?', at: call.startedAt + 1_000 }];
    const body = reportBody(call, { chatExcerpt, frame: jpegDataUrl(frame) });
    const receipt = reportReceiptSchema.parse((await world.api('POST', '/api/reports', { token: reporter.accessToken, body })).json);
    await world.api('POST', `/api/reports/${receipt.reportId}/details`, {
      token: reporter.accessToken,
      body: { reason: 'under-age', details: 'asked my age twice' },
    });

    const byId = await world.moderatorApi('GET', `/api/moderation/reports/${receipt.reportId}`);
    expect(byId.status).toBe(200);
    const shown = moderationReportResponseSchema.parse(byId.json);
    expect(shown.report).toMatchObject({
      reportId: receipt.reportId,
      reportNumber: receipt.reportNumber,
      status: 'open',
      reporterAccountId: reporter.accountId,
      reporterAlias: call.aliasOf.get(reporter.accountId),
      reportedAccountId: stranger.accountId,
      reportedUsername: stranger.username,
      reportedAlias: call.aliasOf.get(stranger.accountId),
      pairId: call.pairId,
      callStartedAt: call.startedAt,
      clientCallStartedAt: call.startedAt + 40,
      chatExcerpt,
      frame: jpegDataUrl(frame),
      reason: 'under-age',
      details: 'asked my age twice',
      resolution: null,
      msUntilDeadline: REPORT_RESPONSE_DEADLINE_MS,
    });
    expect(shown.account).toEqual({
      accountId: stranger.accountId,
      exists: true,
      standing: { ok: true },
      openReports: 1,
      totalReports: 1,
      sanctions: [],
    });

    const byNumber = await world.moderatorApi('GET', `/api/moderation/reports/${receipt.reportNumber}`);
    expect(byNumber.json).toEqual(byId.json);
    expect(errorOf(await world.moderatorApi('GET', '/api/moderation/reports/R-9999'), 404, 'report-not-found'));
    expect(errorOf(await world.moderatorApi('GET', '/api/moderation/reports/1042'), 400, 'invalid-request').message).toMatch(/R-1042/);
  });

  it('resolves reports with dismiss, warn, suspend for some days and ban, and the account’s standing follows', async () => {
    world = await createModerationTestWorld();
    const [reporter, target] = [await world.signUp('reporter'), await world.signUp('target')];
    const resolve = (reference: string, body: unknown) => world.moderatorApi('POST', `/api/moderation/reports/${reference}/resolve`, body);

    const dismissed = await fileAgainst(reporter, target);
    const dismissAnswer = await resolve(dismissed.reportNumber, { action: 'dismiss', note: 'friendly banter' });
    expect(dismissAnswer.status).toBe(200);
    expect(resolveReportResponseSchema.parse(dismissAnswer.json)).toEqual({
      reportId: dismissed.reportId,
      reportNumber: dismissed.reportNumber,
      resolution: { action: 'dismiss', days: null, note: 'friendly banter', resolvedAt: world.clock.now() },
      standing: { ok: true },
    });
    expect(errorOf(await resolve(dismissed.reportId, { action: 'ban' }), 409, 'report-already-resolved').message).toMatch(/dismiss/);
    expect(world.moderation.standing.check(target.accountId)).toEqual({ ok: true });

    const warned = await fileAgainst(reporter, target);
    expect((await resolve(warned.reportId, { action: 'warn' })).status).toBe(200);
    expect(world.moderation.standing.check(target.accountId)).toEqual({ ok: true });

    world.clock.advance(2 * 60_000);
    const suspended = await fileAgainst(reporter, target);
    await world.api('POST', `/api/reports/${suspended.reportId}/details`, {
      token: reporter.accessToken,
      body: { reason: 'harassment', details: '' },
    });
    expect(errorOf(await resolve(suspended.reportId, { action: 'suspend' }), 400, 'invalid-request').message).toMatch(/days/);
    expect(errorOf(await resolve(suspended.reportId, { action: 'suspend', days: 1.5 }), 400, 'invalid-request').message).toMatch(
      /whole days/,
    );
    expect(errorOf(await resolve(suspended.reportId, { action: 'dismiss', days: 3 }), 400, 'invalid-request'));
    expect(errorOf(await resolve(suspended.reportId, { action: 'delete' }), 400, 'invalid-request').message).toMatch(
      /dismiss, warn, suspend/,
    );
    const suspendAnswer = resolveReportResponseSchema.parse((await resolve(suspended.reportId, { action: 'suspend', days: 7 })).json);
    const until = world.clock.now() + 7 * DAY;
    expect(suspendAnswer.standing).toEqual({
      ok: false,
      kind: 'suspended',
      until,
      reason: 'A moderator suspended this account for 7 days after a report (harassment or threats).',
    });
    expect(world.moderation.standing.check(target.accountId)).toEqual(suspendAnswer.standing);
    world.clock.advance(7 * DAY - 1);
    expect(world.moderation.standing.check(target.accountId).ok).toBe(false);
    world.clock.advance(1);
    expect(world.moderation.standing.check(target.accountId)).toEqual({ ok: true });

    const banned = await fileAgainst(reporter, target);
    const banAnswer = resolveReportResponseSchema.parse(
      (await resolve(banned.reportNumber, { action: 'ban', note: 'repeat offender' })).json,
    );
    expect(banAnswer.standing).toEqual({
      ok: false,
      kind: 'banned',
      until: null,
      reason: 'A moderator banned this account after a report.',
    });
    world.clock.advance(3650 * DAY);
    expect(world.moderation.standing.check(target.accountId).ok).toBe(false);

    // The record survives a restart, and the moderator sees the whole history.
    await world.restart();
    expect(world.moderation.standing.check(target.accountId)).toEqual(banAnswer.standing);
    const history = moderationReportResponseSchema.parse(
      (await world.moderatorApi('GET', `/api/moderation/reports/${banned.reportId}`)).json,
    );
    expect(history.report.resolution).toMatchObject({ action: 'ban', note: 'repeat offender' });
    expect(history.account.sanctions.map((sanction) => sanction.kind)).toEqual(['ban', 'suspension', 'warning']);
    expect(history.account).toMatchObject({ openReports: 0, totalReports: 4 });
    expect(moderationListResponseSchema.parse((await world.moderatorApi('GET', '/api/moderation/reports')).json).openCount).toBe(0);
  });

  it('holds an account out of matching when 3 distinct accounts report it within an hour, until a moderator looks', async () => {
    world = await createModerationTestWorld();
    const target = await world.signUp('target');
    const reporters = [await world.signUp('r1'), await world.signUp('r2'), await world.signUp('r3'), await world.signUp('r4')];

    // One person reporting three times is not three people.
    await fileAgainst(reporters[0]!, target);
    await fileAgainst(reporters[0]!, target);
    world.clock.advance(30 * 60_000);
    const second = await fileAgainst(reporters[1]!, target);
    expect(world.moderation.standing.check(target.accountId)).toEqual({ ok: true });
    world.clock.advance(29 * 60_000);
    await fileAgainst(reporters[2]!, target);
    expect(world.moderation.standing.check(target.accountId)).toEqual({
      ok: false,
      kind: 'suspended',
      until: null,
      reason: REVIEW_HOLD_REASON,
    });
    expect(world.logs.some((line) => line.includes('"automatic-suspension"'))).toBe(true);

    // It holds across a restart, and a fourth report adds no second hold.
    await world.restart();
    expect(world.moderation.standing.check(target.accountId).ok).toBe(false);
    await fileAgainst(reporters[3]!, target);
    const shown = moderationReportResponseSchema.parse(
      (await world.moderatorApi('GET', `/api/moderation/reports/${second.reportId}`)).json,
    );
    expect(shown.account.sanctions.filter((sanction) => sanction.kind === 'review-hold')).toHaveLength(1);

    // A moderator's decision on any of its reports lifts the hold; the reports already counted do not bring it back.
    expect((await world.moderatorApi('POST', `/api/moderation/reports/${second.reportId}/resolve`, { action: 'dismiss' })).status).toBe(
      200,
    );
    expect(world.moderation.standing.check(target.accountId)).toEqual({ ok: true });
    world.clock.advance(60_000);
    await fileAgainst(reporters[1]!, target);
    await fileAgainst(reporters[2]!, target);
    // Five reports from four accounts are within the hour, but only two came after the review.
    expect(world.moderation.standing.check(target.accountId)).toEqual({ ok: true });
    await fileAgainst(reporters[3]!, target);
    expect(world.moderation.standing.check(target.accountId).ok).toBe(false);
  });

  it('does not hold an account when the reports are spread wider than the window, and the rule is configurable', async () => {
    world = await createModerationTestWorld();
    const target = await world.signUp('target');
    for (const label of ['r1', 'r2', 'r3']) {
      await fileAgainst(await world.signUp(label), target);
      world.clock.advance(31 * 60_000);
    }
    expect(world.moderation.standing.check(target.accountId)).toEqual({ ok: true });
    await world.close();

    world = await createModerationTestWorld({ autoSuspension: { distinctReporters: 2, windowMs: 10 * 60_000 } });
    const other = await world.signUp('target');
    await fileAgainst(await world.signUp('r1'), other);
    world.clock.advance(9 * 60_000);
    await fileAgainst(await world.signUp('r2'), other);
    expect(world.moderation.standing.check(other.accountId)).toMatchObject({ ok: false, kind: 'suspended', until: null });
  });
});
