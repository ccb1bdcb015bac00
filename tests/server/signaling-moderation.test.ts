import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../src/shared/wire-protocol';
import { startTestServer, type TestServer } from '../support/test-server';
import { ManualClock } from './manual-clock';
import { TestSocket } from './test-socket';

describe('the signaling server with safety wired in', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('records each pair before telling the clients, never pairs two accounts after a block, and refuses a suspended account', async () => {
    const clock = new ManualClock();
    server = await startTestServer({ clock });
    const post = (path: string, token: string, body: unknown) =>
      fetch(`${server.httpUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const signUp = async (username: string) => {
      const socket = await TestSocket.signedIn(server, username);
      return { token: socket.accessToken, accountId: socket.accountId, socket };
    };
    const [alice, bob, carol] = [await signUp('alice_s'), await signUp('bob_s'), await signUp('carol_s')];
    alice.socket.send({ type: 'join' });
    await alice.socket.nextOf('queued');
    bob.socket.send({ type: 'join' });
    const matched = await bob.socket.nextOf('matched');
    await alice.socket.nextOf('matched');
    // Reported and blocked the moment the call starts: the server knows the pair already.
    expect(
      (
        await post('/api/reports', bob.token, {
          reportId: randomUUID(),
          pairId: matched.pairId,
          callStartedAt: clock.now(),
          chatExcerpt: [],
        })
      ).status,
    ).toBe(201);
    expect((await post('/api/blocks', bob.token, { pairId: matched.pairId })).status).toBe(201);

    const pairIds = (messages: ServerMessage[]) => messages.flatMap((message) => (message.type === 'matched' ? [message.pairId] : []));
    for (let round = 0; round < 20; round += 1) {
      for (const person of [alice, bob, carol]) person.socket.send({ type: 'leave' });
      const order = round % 2 === 0 ? [carol, alice, bob] : [alice, bob, carol];
      for (const person of order) person.socket.send({ type: 'join' });
      // Every join of this round is handled (and its pairs announced) before the next round starts.
      for (const person of order) await person.socket.roundTrip();
    }
    for (const person of [alice, bob, carol]) await person.socket.roundTrip();
    const alicePairs = pairIds(alice.socket.received);
    expect(alicePairs.filter((pairId) => pairIds(bob.socket.received).includes(pairId))).toEqual([]);
    // Carol meets one of them every round (and sometimes more: leaving requeues the one left behind).
    expect(pairIds(carol.socket.received).length).toBeGreaterThanOrEqual(20);

    await server.moderation.standing.suspend(carol.accountId, clock.now() + 3_600_000, 'A moderator suspended this account.', null);
    expect(await carol.socket.nextOf('restricted')).toMatchObject({
      kind: 'suspended',
      message: expect.stringMatching(/^Your account is suspended from matching until .* UTC\./),
    });
    carol.socket.send({ type: 'join' });
    expect((await carol.socket.nextOf('restricted')).kind).toBe('suspended');
    for (const person of [alice, bob, carol]) person.socket.close();
  });
});
