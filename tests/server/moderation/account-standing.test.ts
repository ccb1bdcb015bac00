import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVIEW_HOLD_REASON, restrictionMessage, type RestrictedEvent } from '../../../server/moderation/account-standing';
import { createModerationTestWorld, type ModerationTestWorld } from './moderation-test-world';

const DAY = 24 * 60 * 60 * 1000;

describe('account standing', () => {
  let world: ModerationTestWorld;
  beforeEach(async () => {
    world = await createModerationTestWorld();
  });
  afterEach(() => world.close());
  const standing = () => world.moderation.standing;

  it('lets a ban outrank suspensions, and of suspensions the longest count, across a restart', async () => {
    const now = world.clock.now();
    await standing().suspend('acct-1', now + 2 * DAY, 'two days', null);
    await standing().suspend('acct-1', now + 5 * DAY, 'five days', null);
    await standing().suspend('acct-1', now + 1 * DAY, 'one day', null);
    expect(standing().check('acct-1')).toEqual({ ok: false, kind: 'suspended', until: now + 5 * DAY, reason: 'five days' });
    await standing().holdForReview('acct-2', 'report-x');
    await standing().suspend('acct-2', now + DAY, 'one day', null);
    expect(standing().check('acct-2')).toEqual({ ok: false, kind: 'suspended', until: null, reason: REVIEW_HOLD_REASON });
    await standing().ban('acct-2', 'banned', null);
    expect(standing().check('acct-2')).toEqual({ ok: false, kind: 'banned', until: null, reason: 'banned' });
    // A warning restricts nothing; an unknown account is in good standing.
    await standing().warn('acct-3', 'warned', null);
    expect(standing().check('acct-3')).toEqual({ ok: true });
    expect(standing().check('nobody')).toEqual({ ok: true });

    world.clock.advance(3 * DAY);
    await world.restart();
    expect(standing().check('acct-1')).toEqual({ ok: false, kind: 'suspended', until: now + 5 * DAY, reason: 'five days' });
    expect(standing().check('acct-2').ok).toBe(false);
    world.clock.advance(2 * DAY);
    expect(standing().check('acct-1')).toEqual({ ok: true });
    // A review hold lifted by a moderator stays lifted after a restart; the ban stays.
    expect(await standing().liftReviewHolds('acct-2')).toBe(1);
    await world.restart();
    expect(standing().check('acct-2')).toMatchObject({ kind: 'banned' });
    expect((await standing().history('acct-2')).map((sanction) => [sanction.kind, sanction.liftedAt !== null])).toEqual([
      ['ban', false],
      ['suspension', false],
      ['review-hold', true],
    ]);
  });

  it('tells listeners when an account becomes restricted, but not for warnings or a second hold', async () => {
    const events: RestrictedEvent[] = [];
    standing().onRestricted((event) => events.push(event));
    expect(await standing().holdForReview('acct-1', 'r1')).toBe(true);
    expect(await standing().holdForReview('acct-1', 'r2')).toBe(false);
    await standing().warn('acct-2', 'warned', null);
    await standing().ban('acct-3', 'banned', null);
    expect(events).toEqual([
      { accountId: 'acct-1', standing: { ok: false, kind: 'suspended', until: null, reason: REVIEW_HOLD_REASON } },
      { accountId: 'acct-3', standing: { ok: false, kind: 'banned', until: null, reason: 'banned' } },
    ]);
  });

  it('words a restriction for the person, with until when', () => {
    expect(
      restrictionMessage({
        ok: false,
        kind: 'suspended',
        until: Date.UTC(2030, 0, 22, 12, 0),
        reason: 'A moderator suspended this account for 7 days after a report.',
      }),
    ).toBe(
      'Your account is suspended from matching until 2030-01-22 12:00 UTC. A moderator suspended this account for 7 days after a report.',
    );
    expect(restrictionMessage({ ok: false, kind: 'suspended', until: null, reason: REVIEW_HOLD_REASON })).toMatch(
      /^Your account is suspended from matching until a moderator has reviewed it\. Several people/,
    );
    expect(restrictionMessage({ ok: false, kind: 'banned', until: null, reason: 'A moderator banned this account after a report.' })).toBe(
      'Your account is banned from Cam-Party. A moderator banned this account after a report.',
    );
  });
});
