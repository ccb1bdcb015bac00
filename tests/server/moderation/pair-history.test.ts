import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Matchmaker, type Outgoing } from '../../../server/matchmaker';
import { formedPairs } from '../../../server/moderation/formed-pairs';
import { PAIR_RETENTION_MS } from '../../../server/moderation/pair-history';
import { InMemoryWaitingQueue } from '../../../server/waiting-queue';
import { createModerationTestWorld, type ModerationTestWorld, type Person } from './moderation-test-world';

describe('pair history', () => {
  let world: ModerationTestWorld;
  let alice: Person;
  let bob: Person;
  beforeEach(async () => {
    world = await createModerationTestWorld();
    [alice, bob] = [await world.signUp('alice'), await world.signUp('bob')];
  });
  afterEach(() => world.close());

  it('finds a pair from either side, not from outside, and still after a restart of the server', async () => {
    const call = world.callBetween(alice, bob);
    const fromAlice = {
      reportedAccountId: bob.accountId,
      reporterAlias: call.aliasOf.get(alice.accountId),
      reportedAlias: call.aliasOf.get(bob.accountId),
      startedAt: call.startedAt,
    };
    const history = () => world.moderation.pairHistory;
    expect(await history().lookup(call.pairId, alice.accountId)).toEqual(fromAlice);
    expect(await history().lookup(call.pairId, bob.accountId)).toEqual({
      reportedAccountId: alice.accountId,
      reporterAlias: call.aliasOf.get(bob.accountId),
      reportedAlias: call.aliasOf.get(alice.accountId),
      startedAt: call.startedAt,
    });
    const carol = await world.signUp('carol');
    expect(await history().lookup(call.pairId, carol.accountId)).toBeNull();
    expect(await history().lookup('another-pair', alice.accountId)).toBeNull();

    // Recording the same pair again (a retry in the matchmaker's path) changes nothing.
    history().record({
      pairId: call.pairId,
      startedAt: call.startedAt + 5,
      sides: [
        { accountId: alice.accountId, alias: 'x' },
        { accountId: bob.accountId, alias: 'y' },
      ],
    });
    expect(await history().lookup(call.pairId, alice.accountId)).toEqual(fromAlice);

    await world.restart();
    expect(await history().lookup(call.pairId, alice.accountId)).toEqual(fromAlice);
  });

  it('finds a pair at once and has it on disk right after the turn of the event loop', async () => {
    const call = world.callBetween(alice, bob);
    const stored = () => world.db.prepare('SELECT count(*) FROM recent_pairs WHERE pair_id = ?').pluck().get(call.pairId);
    expect(await world.moderation.pairHistory.lookup(call.pairId, bob.accountId)).toMatchObject({ reportedAccountId: alice.accountId });
    expect(stored()).toBe(0);
    await world.settle();
    expect(stored()).toBe(2);
  });

  it('forgets pairs after 7 days, on a schedule and when storing new ones', async () => {
    const history = () => world.moderation.pairHistory;
    const count = () => world.db.prepare('SELECT count(*) FROM recent_pairs').pluck().get();
    const old = world.callBetween(alice, bob);
    await world.settle();
    world.clock.advance(PAIR_RETENTION_MS - 1);
    const recent = world.callBetween(alice, bob);
    await world.settle();
    expect(await history().lookup(old.pairId, alice.accountId)).not.toBeNull();
    world.clock.advance(1);
    // Past the retention a pair is not found even before the purge runs, whether stored or still in memory.
    expect(await history().lookup(old.pairId, alice.accountId)).toBeNull();
    const pendingOld = {
      pairId: 'pending-old',
      startedAt: world.clock.now() - PAIR_RETENTION_MS,
      sides: [
        { accountId: alice.accountId, alias: 'a' },
        { accountId: bob.accountId, alias: 'b' },
      ],
    } as const;
    history().record(pendingOld);
    expect(await history().lookup('pending-old', alice.accountId)).toBeNull();
    expect(await history().purgeExpired()).toBe(4);
    expect(await history().lookup(recent.pairId, alice.accountId)).not.toBeNull();
    expect(count()).toBe(2);

    world.clock.advance(PAIR_RETENTION_MS);
    world.callBetween(alice, bob);
    await world.settle();
    // Storing purges too (at most hourly): the recent pair went, the new one stays.
    expect(count()).toBe(2);
    world.clock.advance(30 * 60_000);
    world.callBetween(alice, bob);
    await world.settle();
    expect(count()).toBe(4);
  });

  it('records exactly the pairs the real matchmaker forms, with the aliases each side was shown', async () => {
    const matchmaker = new Matchmaker({
      queue: new InMemoryWaitingQueue(),
      newId: (() => {
        let n = 0;
        return () => `id${++n}`;
      })(),
    });
    const accountOf = new Map([
      ['client-a', alice.accountId],
      ['client-b', bob.accountId],
    ]);
    const outgoing: Outgoing[] = [];
    for (const client of ['client-a', 'client-b', 'client-anonymous']) {
      const result = matchmaker.join(client);
      if (typeof result === 'string') throw new Error(result);
      outgoing.push(...result);
    }
    const pairs = formedPairs(outgoing, (clientId) => accountOf.get(clientId) ?? null, world.clock.now());
    expect(pairs).toHaveLength(1);
    for (const pair of pairs) world.moderation.pairHistory.record(pair);

    const matched = outgoing.flatMap(({ to, message }) => (message.type === 'matched' ? [{ to, message }] : []));
    const toAlice = matched.find(({ to }) => to === 'client-a')!.message;
    const toBob = matched.find(({ to }) => to === 'client-b')!.message;
    // What Alice's app knows (the pair id and Bob's alias) is what the server resolves to Bob's account.
    expect(await world.moderation.pairHistory.lookup(toAlice.pairId, alice.accountId)).toEqual({
      reportedAccountId: bob.accountId,
      reporterAlias: toBob.partnerId,
      reportedAlias: toAlice.partnerId,
      startedAt: world.clock.now(),
    });

    // A client without an account (a server run without accounts) is never recorded.
    const next = matchmaker.next('client-a');
    if (typeof next === 'string') throw new Error(next);
    expect(next.some(({ message }) => message.type === 'matched')).toBe(true);
    expect(formedPairs(next, (clientId) => accountOf.get(clientId) ?? null, world.clock.now())).toEqual([]);
  });
});
