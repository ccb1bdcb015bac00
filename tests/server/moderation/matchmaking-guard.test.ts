import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Matchmaker, type Outgoing } from '../../../server/matchmaker';
import { createMatchmakingGuard, type MatchmakingGuard } from '../../../server/moderation/matchmaking-guard';
import { InMemoryWaitingQueue } from '../../../server/waiting-queue';
import { createModerationTestWorld, type ModerationTestWorld, type Person } from './moderation-test-world';

/** The real matchmaker with the guard wired in as the signaling server wires it. */
function matchmakingWith(world: ModerationTestWorld, accountOfClient: Map<string, string>) {
  let counter = 0;
  const matchmaker = new Matchmaker({
    queue: new InMemoryWaitingQueue(),
    newId: () => `id${++counter}`,
    mayMeet: (a, b) => guard.mayMeet(a, b),
  });
  const guard: MatchmakingGuard = createMatchmakingGuard({
    ...world.moderation,
    accountOf: (clientId) => accountOfClient.get(clientId) ?? null,
    now: world.clock.now,
  });
  const pairsSeen: [string, string][] = [];
  const deliver = (outgoing: Outgoing[] | string): void => {
    if (typeof outgoing === 'string') throw new Error(outgoing);
    guard.recordFormedPairs(outgoing);
    const matched = outgoing.filter(({ message }) => message.type === 'matched');
    for (let index = 0; index < matched.length; index += 2)
      pairsSeen.push([matched[index]!.to, matched[index + 1]!.to].sort() as [string, string]);
  };
  return { matchmaker, guard, pairsSeen, deliver };
}

describe('matchmaking with blocks and account standing', () => {
  let world: ModerationTestWorld;
  let alice: Person;
  let bob: Person;
  let carol: Person;
  const clients = () =>
    new Map([
      ['client-alice', alice.accountId],
      ['client-bob', bob.accountId],
      ['client-carol', carol.accountId],
    ]);
  beforeEach(async () => {
    world = await createModerationTestWorld();
    [alice, bob, carol] = [await world.signUp('alice'), await world.signUp('bob'), await world.signUp('carol')];
  });
  afterEach(() => world.close());

  /** Everyone leaves and joins again in a shuffled order, `rounds` times; returns the pairs formed. */
  const requeue = (setup: ReturnType<typeof matchmakingWith>, rounds: number): [string, string][] => {
    const ids = ['client-alice', 'client-bob', 'client-carol'];
    for (let round = 0; round < rounds; round += 1) {
      for (const id of ids) setup.deliver(setup.matchmaker.leave(id));
      const order = [...ids].sort(() => Math.random() - 0.5);
      for (const id of order) setup.deliver(setup.matchmaker.join(id));
    }
    return setup.pairsSeen;
  };

  it('never pairs two accounts after one blocked the other, over 20 requeues with a third person present and across a restart', async () => {
    // They meet once, and the server records the pair as it forms.
    const first = matchmakingWith(world, clients());
    first.deliver(first.matchmaker.join('client-alice'));
    first.deliver(first.matchmaker.join('client-bob'));
    expect(first.pairsSeen).toEqual([['client-alice', 'client-bob']]);
    await world.settle();
    const pairId = world.db.prepare('SELECT pair_id FROM recent_pairs LIMIT 1').pluck().get() as string;
    const blocked = await world.api('POST', '/api/blocks', { token: bob.accessToken, body: { pairId } });
    expect(blocked.status).toBe(201);

    const pairs = requeue(matchmakingWith(world, clients()), 20);
    // At least one pair a round (leaving also requeues the one left behind, who may meet the third at once).
    expect(pairs.length).toBeGreaterThanOrEqual(20);
    expect(pairs.some(([a, b]) => a === 'client-alice' && b === 'client-bob')).toBe(false);
    // Each of them still meets the third person.
    expect(new Set(pairs.map((pair) => pair.join('+')))).toEqual(new Set(['client-alice+client-carol', 'client-bob+client-carol']));

    await world.restart();
    const afterRestart = requeue(matchmakingWith(world, clients()), 20);
    expect(afterRestart.some(([a, b]) => a === 'client-alice' && b === 'client-bob')).toBe(false);

    // After an unblock they may meet again.
    await world.api('POST', '/api/blocks/remove', { token: bob.accessToken, body: { accountId: alice.accountId } });
    const unblocked = matchmakingWith(
      world,
      new Map([
        ['client-alice', alice.accountId],
        ['client-bob', bob.accountId],
      ]),
    );
    unblocked.deliver(unblocked.matchmaker.join('client-alice'));
    unblocked.deliver(unblocked.matchmaker.join('client-bob'));
    expect(unblocked.pairsSeen).toEqual([['client-alice', 'client-bob']]);
  });

  it('refuses a restricted account at join, and never pairs one restricted while it waits', async () => {
    const setup = matchmakingWith(world, clients());
    setup.deliver(setup.matchmaker.join('client-alice'));
    await world.moderation.standing.suspend(alice.accountId, world.clock.now() + 60_000, 'test suspension', null);
    expect(setup.guard.joinRefusal('client-alice')).toEqual({
      ok: false,
      kind: 'suspended',
      until: world.clock.now() + 60_000,
      reason: 'test suspension',
    });
    expect(setup.guard.joinRefusal('client-bob')).toBeNull();
    setup.deliver(setup.matchmaker.join('client-bob'));
    expect(setup.pairsSeen).toEqual([]);
    setup.deliver(setup.matchmaker.join('client-carol'));
    expect(setup.pairsSeen).toEqual([['client-bob', 'client-carol']]);

    world.clock.advance(60_000);
    expect(setup.guard.joinRefusal('client-alice')).toBeNull();
  });

  it('never pairs one account with itself, and stores the side of a pair whose partner account is gone', async () => {
    const setup = matchmakingWith(
      world,
      new Map([
        ['laptop', alice.accountId],
        ['phone', alice.accountId],
        ['ghost', 'no-such-account'],
        ['carol', carol.accountId],
        ['bobby', bob.accountId],
      ]),
    );
    setup.deliver(setup.matchmaker.join('laptop'));
    setup.deliver(setup.matchmaker.join('phone'));
    expect(setup.pairsSeen).toEqual([]);
    setup.deliver(setup.matchmaker.leave('phone'));
    setup.deliver(setup.matchmaker.leave('laptop'));
    // An account the database does not know (deleted a moment ago) has no side stored; its partner's side
    // is (so the partner can still report it), and so is every other pair of the same turn.
    setup.deliver(setup.matchmaker.join('ghost'));
    setup.deliver(setup.matchmaker.join('carol'));
    setup.deliver(setup.matchmaker.join('laptop'));
    setup.deliver(setup.matchmaker.join('bobby'));
    expect(setup.pairsSeen).toEqual([
      ['carol', 'ghost'],
      ['bobby', 'laptop'],
    ]);
    await world.settle();
    expect(world.logs.filter((line) => line.includes('"pair-record-failed"'))).toEqual([]);
    const stored = world.db.prepare('SELECT account_id, partner_account_id FROM recent_pairs').all();
    const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
    expect(sorted(stored)).toEqual(
      sorted([
        { account_id: carol.accountId, partner_account_id: 'no-such-account' },
        { account_id: alice.accountId, partner_account_id: bob.accountId },
        { account_id: bob.accountId, partner_account_id: alice.accountId },
      ]),
    );
  });
});
