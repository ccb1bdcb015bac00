import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_REPORT_BODY_BYTES,
  MAX_REPORT_FRAME_BYTES,
  REPORT_RESPONSE_DEADLINE_MS,
  reportDetailsResponseSchema,
  reportReceiptSchema,
} from '../../../src/shared/moderation-api';
import type { ReportRow } from '../../../server/moderation/sqlite-report-repository';
import { jpegDataUrl, stillFrameJpeg } from './jpeg-still-frame';
import { createModerationTestWorld, errorOf, reportBody, type ModerationTestWorld, type Person } from './moderation-test-world';

describe('filing reports over HTTP', () => {
  let world: ModerationTestWorld;
  let reporter: Person;
  let stranger: Person;
  beforeEach(async () => {
    world = await createModerationTestWorld();
    reporter = await world.signUp('reporter');
    stranger = await world.signUp('stranger');
  });
  afterEach(() => world.close());

  const rows = (): ReportRow[] => world.db.prepare('SELECT * FROM reports ORDER BY sequence').all() as ReportRow[];
  const file = (person: Person, body: unknown) => world.api('POST', '/api/reports', { token: person.accessToken, body });

  it('stores one report with all its evidence before answering, taking who was reported from the server’s own pair record', async () => {
    const call = world.callBetween(reporter, stranger);
    world.clock.advance(95_000);
    const frame = stillFrameJpeg(20_000);
    const chatExcerpt = [
      { from: 'stranger', text: 'what is your address?', at: call.startedAt + 30_000 },
      { from: 'me', text: 'I would rather not say', at: call.startedAt + 35_000 },
      { from: 'stranger', text: 'add me on another app, send me money', at: call.startedAt + 60_000 },
    ];
    const body = reportBody(call, { chatExcerpt, frame: jpegDataUrl(frame) });

    const answer = await file(reporter, body);
    expect(answer.status).toBe(201);
    const receipt = reportReceiptSchema.parse(answer.json);
    expect(receipt.reportId).toBe(body.reportId);
    expect(receipt.reportNumber).toMatch(/^R-1\d{3}$/);
    expect(receipt.deadlineAt).toBe(world.clock.now() + REPORT_RESPONSE_DEADLINE_MS);

    const [row, ...others] = rows();
    expect(others).toHaveLength(0);
    expect(row).toMatchObject({
      id: body.reportId,
      reporter_account_id: reporter.accountId,
      reporter_alias: call.aliasOf.get(reporter.accountId),
      reported_account_id: stranger.accountId,
      reported_username: stranger.username,
      reported_alias: call.aliasOf.get(stranger.accountId),
      pair_id: call.pairId,
      call_started_at: call.startedAt,
      client_call_started_at: call.startedAt + 40,
      filed_at: world.clock.now(),
      deadline_at: receipt.deadlineAt,
      reason: null,
      status: 'open',
    });
    expect(JSON.parse(row!.chat_excerpt)).toEqual(chatExcerpt);
    expect(Buffer.compare(row!.frame!, frame)).toBe(0);
    // Evidence never goes into the server's logs.
    expect(world.logs.join('\n')).not.toContain('address?');
    expect(world.logs.join('\n')).not.toContain(frame.toString('base64').slice(0, 40));
  });

  it('files a report without a frame or chat, and refuses a client that tries to name the reported account itself', async () => {
    const call = world.callBetween(reporter, stranger);
    expect((await file(reporter, reportBody(call))).status).toBe(201);
    expect(rows()[0]!.frame).toBeNull();

    const other = world.callBetween(reporter, stranger);
    const forged = await file(reporter, reportBody(other, { reportedAccountId: reporter.accountId }));
    expect(errorOf(forged, 400, 'invalid-request').message).toMatch(/reportedAccountId|key/i);
  });

  it('answers a retry of the same report id with the same receipt (200) and never stores it twice', async () => {
    const call = world.callBetween(reporter, stranger);
    const body = reportBody(call, { chatExcerpt: [{ from: 'stranger', text: 'first', at: 1 }] });
    const first = await file(reporter, body);
    expect(first.status).toBe(201);

    world.clock.advance(5_000);
    const retry = await file(reporter, body);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    // A retry carrying different evidence changes nothing either.
    const changed = await file(reporter, { ...body, chatExcerpt: [{ from: 'stranger', text: 'changed', at: 2 }] });
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual(first.json);

    // The same id sent many times at once: one row, one 201.
    const racing = reportBody(world.callBetween(reporter, stranger));
    const answers = await Promise.all(Array.from({ length: 6 }, () => file(reporter, racing)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.json))).size).toBe(1);

    expect(rows().map((row) => [row.id, JSON.parse(row.chat_excerpt)[0]?.text ?? null])).toEqual([
      [body.reportId, 'first'],
      [racing.reportId, null],
    ]);
  });

  it('answers a second report of the same call under a new id with the first report', async () => {
    const call = world.callBetween(reporter, stranger);
    const first = reportReceiptSchema.parse((await file(reporter, reportBody(call))).json);
    const again = await file(reporter, reportBody(call));
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first);
    expect(rows()).toHaveLength(1);
  });

  it("refuses someone else's report id, and leaves that report as it was", async () => {
    const call = world.callBetween(reporter, stranger);
    const body = reportBody(call);
    expect((await file(reporter, body)).status).toBe(201);

    const third = await world.signUp('third');
    const theirCall = world.callBetween(third, stranger);
    const stolen = await file(third, { ...reportBody(theirCall), reportId: body.reportId });
    expect(errorOf(stolen, 409, 'report-id-taken').message).toMatch(/new id/);
    // Not even the reported person can reuse the id in the same call.
    expect(errorOf(await file(stranger, { ...reportBody(call), reportId: body.reportId }), 409, 'report-id-taken'));
    expect(rows()).toHaveLength(1);
    expect(rows()[0]!.reporter_account_id).toBe(reporter.accountId);
  });

  it('refuses oversized evidence with 413 and a message that says what to send instead', async () => {
    const call = world.callBetween(reporter, stranger);
    const tooBig = await file(reporter, reportBody(call, { frame: jpegDataUrl(stillFrameJpeg(MAX_REPORT_FRAME_BYTES + 1)) }));
    const error = errorOf(tooBig, 413, 'evidence-too-large');
    expect(error.message).toMatch(/301 KB.*at most 300 KB/);
    expect(rows()).toHaveLength(0);

    // A body over the limit is refused without being read in full.
    const huge = await file(reporter, 'x'.repeat(MAX_REPORT_BODY_BYTES + 1));
    expect(errorOf(huge, 413, 'too-large').message).toMatch(/300 KB/);

    // Exactly at the limit is fine.
    const atLimit = await file(reporter, reportBody(call, { frame: jpegDataUrl(stillFrameJpeg(MAX_REPORT_FRAME_BYTES)) }));
    expect(atLimit.status).toBe(201);
    expect(rows()[0]!.frame!.length).toBe(MAX_REPORT_FRAME_BYTES);
  });

  it('refuses malformed evidence with the field that is wrong', async () => {
    const call = world.callBetween(reporter, stranger);
    const png = await file(reporter, reportBody(call, { frame: 'data:image/png;base64,iVBORw0KGgo=' }));
    expect(errorOf(png, 400, 'invalid-request').message).toMatch(/^frame: .*JPEG/);
    const notJpeg = await file(reporter, reportBody(call, { frame: `data:image/jpeg;base64,${Buffer.from('GIF89a').toString('base64')}` }));
    expect(errorOf(notJpeg, 400, 'invalid-request').message).toMatch(/not a JPEG/);
    const manyLines = Array.from({ length: 21 }, (_, index) => ({ from: 'stranger', text: `line ${index}`, at: index }));
    expect(errorOf(await file(reporter, reportBody(call, { chatExcerpt: manyLines })), 400, 'invalid-request').message).toMatch(
      /^chatExcerpt: .*20/,
    );
    const longLine = [{ from: 'stranger', text: 'x'.repeat(501), at: 1 }];
    expect(errorOf(await file(reporter, reportBody(call, { chatExcerpt: longLine })), 400, 'invalid-request').message).toMatch(/500/);
    expect(errorOf(await file(reporter, reportBody(call, { reportId: 'report-1' })), 400, 'invalid-request').message).toMatch(
      /^reportId: .*UUID/,
    );
    expect(errorOf(await file(reporter, '{"reportId":'), 400, 'bad-json'));
    const asForm = await world.api('POST', '/api/reports', {
      token: reporter.accessToken,
      body: 'a=b',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(errorOf(asForm, 415, 'unsupported-media-type'));
    expect(rows()).toHaveLength(0);
  });

  it('refuses a report without a valid access token, or of a call the reporter was not in', async () => {
    const call = world.callBetween(reporter, stranger);
    expect(errorOf(await world.api('POST', '/api/reports', { body: reportBody(call) }), 401, 'access-token-invalid'));
    expect(
      errorOf(await world.api('POST', '/api/reports', { token: 'v1.forged.token', body: reportBody(call) }), 401, 'access-token-invalid'),
    );

    const outsider = await world.signUp('outsider');
    expect(errorOf(await file(outsider, reportBody(call)), 404, 'pair-unknown').message).toMatch(/7 days/);
    expect(errorOf(await file(reporter, { ...reportBody(call), pairId: 'no-such-pair' }), 404, 'pair-unknown'));
    expect(rows()).toHaveLength(0);
  });

  it('refuses a flood of reports from one account with 429 and when to retry, while retries of accepted reports still answer', async () => {
    const accepted: Record<string, unknown>[] = [];
    for (let index = 0; index < 5; index += 1) {
      const body = reportBody(world.callBetween(reporter, stranger));
      expect((await file(reporter, body)).status).toBe(201);
      accepted.push(body);
    }
    const flood = await file(reporter, reportBody(world.callBetween(reporter, stranger)));
    const error = errorOf(flood, 429, 'rate-limited');
    expect(error.retryAfterSeconds).toBe(60);
    expect(flood.headers.get('retry-after')).toBe('60');
    expect(error.message).toMatch(/60 seconds/);
    expect((await file(reporter, accepted[0])).status).toBe(200);
    // Another account is not affected.
    const other = await world.signUp('other');
    expect((await file(other, reportBody(world.callBetween(other, stranger)))).status).toBe(201);

    // Past the burst window the account may report again, up to 30 an hour.
    let filed = 5;
    while (filed < 30) {
      world.clock.advance(61_000);
      for (let index = 0; index < 5 && filed < 30; index += 1, filed += 1) {
        expect((await file(reporter, reportBody(world.callBetween(reporter, stranger)))).status).toBe(201);
      }
    }
    world.clock.advance(61_000);
    const hourly = errorOf(await file(reporter, reportBody(world.callBetween(reporter, stranger))), 429, 'rate-limited');
    expect(hourly.retryAfterSeconds).toBeGreaterThan(40 * 60);
    expect(hourly.message).toMatch(/minutes/);
    expect(rows()).toHaveLength(31);
  });

  it('adds a reason and details to the same report, for its reporter only', async () => {
    const call = world.callBetween(reporter, stranger);
    const body = reportBody(call);
    const receipt = reportReceiptSchema.parse((await file(reporter, body)).json);
    const detailsPath = `/api/reports/${body.reportId as string}/details`;

    world.clock.advance(30_000);
    const answer = await world.api('POST', detailsPath, {
      token: reporter.accessToken,
      body: { reason: 'money', details: '  asked for gift cards  ' },
    });
    expect(answer.status).toBe(200);
    expect(reportDetailsResponseSchema.parse(answer.json)).toEqual({ ...receipt, reason: 'money' });
    expect(rows()[0]).toMatchObject({ reason: 'money', details: 'asked for gift cards', details_at: world.clock.now(), id: body.reportId });

    // The form may be sent again: the last one counts.
    const again = await world.api('POST', detailsPath, { token: reporter.accessToken, body: { reason: 'harassment', details: '' } });
    expect(again.status).toBe(200);
    expect(rows()[0]).toMatchObject({ reason: 'harassment', details: '' });

    expect(
      errorOf(
        await world.api('POST', detailsPath, { token: stranger.accessToken, body: { reason: 'other', details: 'mine now' } }),
        404,
        'report-not-found',
      ),
    );
    expect(
      errorOf(
        await world.api('POST', `/api/reports/${randomUUID()}/details`, {
          token: reporter.accessToken,
          body: { reason: 'other', details: '' },
        }),
        404,
        'report-not-found',
      ),
    );
    expect(
      errorOf(
        await world.api('POST', detailsPath, { token: reporter.accessToken, body: { reason: 'rude', details: '' } }),
        400,
        'invalid-request',
      ).message,
    ).toMatch(/^reason: /);
    expect(
      errorOf(
        await world.api('POST', detailsPath, { token: reporter.accessToken, body: { reason: 'other', details: 'x'.repeat(2001) } }),
        400,
        'invalid-request',
      ).message,
    ).toMatch(/2000/);
    expect(
      errorOf(
        await world.api('POST', '/api/reports/not-a-uuid/details', { token: reporter.accessToken, body: { reason: 'other', details: '' } }),
        400,
        'invalid-request',
      ),
    );
    expect(rows()[0]).toMatchObject({ reason: 'harassment', details: '' });
  });

  it('answers unknown paths and wrong methods with JSON errors and leaves other paths to the rest of the server', async () => {
    expect(errorOf(await world.api('GET', '/api/reports', { token: reporter.accessToken }), 405, 'method-not-allowed'));
    expect(errorOf(await world.api('GET', '/api/reports/anything', { token: reporter.accessToken }), 404, 'not-found'));
    const rest = await fetch(`${world.base}/healthz`);
    expect(await rest.json()).toEqual({ ok: true });
  });
});
