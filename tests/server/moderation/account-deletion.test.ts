import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moderationReportResponseSchema, reportReceiptSchema } from '../../../src/shared/moderation-api';
import { createModerationTestWorld, reportBody, type ModerationTestWorld, type Person } from './moderation-test-world';

/**
 * What deleting an account does to safety data: what the account did goes
 * (its blocks, its side of recent pairs, its name on the reports it filed);
 * what others reported about it and its sanctions stay for moderation.
 */
describe('deleting an account', () => {
  let world: ModerationTestWorld;
  let leaver: Person;
  let other: Person;
  let third: Person;
  beforeEach(async () => {
    world = await createModerationTestWorld();
    [leaver, other, third] = [await world.signUp('leaver'), await world.signUp('other'), await world.signUp('third')];
  });
  afterEach(() => world.close());

  const fileReport = async (reporter: Person, reported: Person) => {
    const answer = await world.api('POST', '/api/reports', {
      token: reporter.accessToken,
      body: reportBody(world.callBetween(reporter, reported)),
    });
    return reportReceiptSchema.parse(answer.json);
  };
  const deleteAccount = async (person: Person) => {
    const answer = await world.api('POST', '/api/accounts/delete', { token: person.accessToken, body: { password: person.password } });
    expect(answer.status).toBe(200);
  };

  it('drops its blocks (both ways) and its name on reports it filed, and keeps the reports about it', async () => {
    await world.api('POST', '/api/blocks', { token: leaver.accessToken, body: { pairId: world.callBetween(leaver, other).pairId } });
    await world.api('POST', '/api/blocks', { token: third.accessToken, body: { pairId: world.callBetween(third, leaver).pairId } });
    const byLeaver = await fileReport(leaver, other);
    const aboutLeaver = await fileReport(third, leaver);
    const callAfter = world.callBetween(other, leaver);
    await world.moderatorApi('POST', `/api/moderation/reports/${aboutLeaver.reportId}/resolve`, { action: 'suspend', days: 3 });
    expect(world.db.prepare('SELECT count(*) FROM blocks').pluck().get()).toBe(2);

    await deleteAccount(leaver);

    expect(world.db.prepare('SELECT count(*) FROM blocks').pluck().get()).toBe(0);
    // Until the block list forgets it (or the next start), the stale entries only cost memory: the id is never reused.
    world.moderation.blockList.forgetAccount(leaver.accountId);
    expect(world.moderation.blockList.size).toBe(0);
    await world.restart();
    expect(world.moderation.blockList.size).toBe(0);

    const filed = moderationReportResponseSchema.parse(
      (await world.moderatorApi('GET', `/api/moderation/reports/${byLeaver.reportId}`)).json,
    );
    expect(filed.report.reporterAccountId).toBeNull();
    expect(filed.report.reportedAccountId).toBe(other.accountId);
    const about = moderationReportResponseSchema.parse(
      (await world.moderatorApi('GET', `/api/moderation/reports/${aboutLeaver.reportId}`)).json,
    );
    expect(about.report.reportedUsername).toBe(leaver.username);
    expect(about.account).toMatchObject({ exists: false, totalReports: 1 });
    expect(about.account.sanctions.map((sanction) => sanction.kind)).toEqual(['suspension']);

    // Someone who was in a call with the account can still report it: their side of the pair stays.
    const late = await world.api('POST', '/api/reports', { token: other.accessToken, body: reportBody(callAfter) });
    expect(late.status).toBe(201);
    expect(world.db.prepare('SELECT count(*) FROM recent_pairs WHERE account_id = ?').pluck().get(leaver.accountId)).toBe(0);
  });
});
