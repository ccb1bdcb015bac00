import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockListResponseSchema, blockResponseSchema, unblockResponseSchema } from '../../../src/shared/moderation-api';
import type { BlockEvent } from '../../../server/moderation/block-list';
import { createModerationTestWorld, errorOf, type ModerationTestWorld, type Person } from './moderation-test-world';

describe('blocks', () => {
  let world: ModerationTestWorld;
  let alice: Person;
  let bob: Person;
  let carol: Person;
  beforeEach(async () => {
    world = await createModerationTestWorld();
    [alice, bob, carol] = [await world.signUp('alice'), await world.signUp('bob'), await world.signUp('carol')];
  });
  afterEach(() => world.close());

  const block = (person: Person, pairId: string) => world.api('POST', '/api/blocks', { token: person.accessToken, body: { pairId } });
  const unblock = (person: Person, accountId: string) =>
    world.api('POST', '/api/blocks/remove', { token: person.accessToken, body: { accountId } });
  const listOf = async (person: Person) =>
    blockListResponseSchema.parse((await world.api('GET', '/api/blocks', { token: person.accessToken })).json).blocks;

  it('blocks the partner of a call, named by the server’s pair record, so that neither may meet the other, in both directions', async () => {
    const events: BlockEvent[] = [];
    world.moderation.blockList.onBlocked((event) => events.push(event));
    const call = world.callBetween(alice, bob);
    const answer = await block(alice, call.pairId);
    expect(answer.status).toBe(201);
    const blocked = blockResponseSchema.parse(answer.json).blocked;
    expect(blocked).toEqual({ accountId: bob.accountId, username: bob.username, blockedAt: world.clock.now() });

    const list = world.moderation.blockList;
    expect(list.eitherBlocked(alice.accountId, bob.accountId)).toBe(true);
    expect(list.eitherBlocked(bob.accountId, alice.accountId)).toBe(true);
    expect(list.eitherBlocked(alice.accountId, carol.accountId)).toBe(false);
    expect(list.eitherBlocked(bob.accountId, carol.accountId)).toBe(false);
    expect(events).toEqual([{ blockerAccountId: alice.accountId, blockedAccountId: bob.accountId }]);

    // Blocking again answers with the block that exists (200), and tells nobody twice.
    world.clock.advance(10_000);
    const again = await block(alice, call.pairId);
    expect(again.status).toBe(200);
    expect(blockResponseSchema.parse(again.json).blocked).toEqual(blocked);
    expect(events).toHaveLength(1);

    // The blocked side cannot see who blocked it.
    expect(await listOf(bob)).toEqual([]);
    expect(await listOf(alice)).toEqual([blocked]);
  });

  it('keeps blocks across a restart of the server, and unblocking lasts across one too', async () => {
    await block(alice, world.callBetween(alice, bob).pairId);
    world.clock.advance(1_000);
    await block(carol, world.callBetween(carol, alice).pairId);

    await world.restart();
    const list = world.moderation.blockList;
    expect(list.size).toBe(2);
    expect(list.eitherBlocked(bob.accountId, alice.accountId)).toBe(true);
    expect(list.eitherBlocked(alice.accountId, carol.accountId)).toBe(true);
    expect(list.eitherBlocked(bob.accountId, carol.accountId)).toBe(false);

    const removed = await unblock(alice, bob.accountId);
    expect(removed.status).toBe(200);
    expect(unblockResponseSchema.parse(removed.json)).toEqual({ removed: true });
    expect(world.moderation.blockList.eitherBlocked(alice.accountId, bob.accountId)).toBe(false);
    expect(unblockResponseSchema.parse((await unblock(alice, bob.accountId)).json)).toEqual({ removed: false });
    // Only the blocker can lift a block: Alice's unblock of Carol changes nothing.
    expect(unblockResponseSchema.parse((await unblock(alice, carol.accountId)).json)).toEqual({ removed: false });

    await world.restart();
    expect(world.moderation.blockList.eitherBlocked(alice.accountId, bob.accountId)).toBe(false);
    expect(world.moderation.blockList.eitherBlocked(carol.accountId, alice.accountId)).toBe(true);
    expect((await listOf(carol)).map((entry) => entry.username)).toEqual([alice.username]);
  });

  it('lists a person’s blocks newest first', async () => {
    await block(alice, world.callBetween(alice, bob).pairId);
    world.clock.advance(1_000);
    await block(alice, world.callBetween(carol, alice).pairId);
    expect((await listOf(alice)).map((entry) => entry.accountId)).toEqual([carol.accountId, bob.accountId]);
  });

  it('refuses a block of a call the person was not in, an unknown call, or without a valid token', async () => {
    const call = world.callBetween(alice, bob);
    expect(errorOf(await block(carol, call.pairId), 404, 'pair-unknown'));
    expect(errorOf(await block(alice, 'no-such-pair'), 404, 'pair-unknown'));
    expect(errorOf(await world.api('POST', '/api/blocks', { body: { pairId: call.pairId } }), 401, 'access-token-invalid'));
    expect(
      errorOf(
        await world.api('POST', '/api/blocks', { token: alice.accessToken, body: { accountId: bob.accountId } }),
        400,
        'invalid-request',
      ),
    );
    expect(errorOf(await world.api('GET', '/api/blocks'), 401, 'access-token-invalid'));
    expect(errorOf(await unblock(alice, 'bad id!'), 400, 'invalid-request'));
    expect(world.moderation.blockList.size).toBe(0);
  });

  it('says so when the partner’s account is gone already', async () => {
    const call = world.callBetween(alice, bob);
    world.db.prepare('DELETE FROM accounts WHERE id = ?').run(bob.accountId);
    expect(errorOf(await block(alice, call.pairId), 410, 'account-deleted').message).toMatch(/deleted/);
  });
});
