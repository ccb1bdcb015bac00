/**
 * The call controller against the real server: pairing, the call going
 * live, and every way the partner changes (Next, the partner leaving, Stop
 * or Cancel while searching). Peer connections are stand-ins (browser-only).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PartnerLeftReason } from '../../../src/shared/wire-protocol';
import { CallWorld, type CallPerson } from './call-world';
import { remoteStreamStandIn } from './stand-in-peer';

describe('the call controller, paired through the real server', () => {
  let world: CallWorld;
  beforeEach(async () => {
    world = await CallWorld.start();
  });
  afterEach(() => world.close());

  const online = async (name: string): Promise<CallPerson> => {
    const person = world.person(name);
    await world.until(() => person.output.serverStatus === 'online');
    return person;
  };
  /** Alice waits first (and prepares her offer), then Bob joins: both are connecting, in one pair. */
  const pairAliceAndBob = async () => {
    const [alice, bob] = [await online('alice'), await online('bob')];
    alice.controller.start();
    await world.until(() => alice.peers().length === 1);
    bob.controller.start();
    await world.until(() => alice.output.state.phase === 'connecting' && bob.output.state.phase === 'connecting');
    return { alice, bob, alicePeer: alice.latestPeer(), bobPeer: bob.latestPeer() };
  };

  it('connects, then says it is online, asking for a token only once', async () => {
    const alice = await online('alice');
    expect(alice.output.statuses).toEqual(['connecting', 'online']);
    expect(alice.accessAsked).toEqual([false]);
    expect(alice.output.state).toMatchObject({ phase: 'lobby', notice: null });
  });

  it('pairs two people with the offer prepared while waiting, goes live, and carries peer messages and the round trip', async () => {
    const { alice, bob, alicePeer, bobPeer } = await pairAliceAndBob();
    expect(alice.output.state.pairId).toBe(bob.output.state.pairId);
    expect(alice.output.state.partnerId).not.toBeNull();
    // The waiting side's prepared offer became the call's peer; the other side answers.
    expect(alice.peers()).toEqual([alicePeer]);
    expect([alicePeer.options.initiator, bobPeer.options.initiator]).toEqual([true, false]);
    expect(alicePeer.options.localStream).toBe(alice.camera);
    // The offer went through the server (kept for Bob until the match), the answer back.
    await world.until(() => bobPeer.partner === alicePeer && alicePeer.partner === bobPeer);
    expect(alice.controller.sendToPartner({ type: 'typing', active: true })).toBe(false);

    alicePeer.open();
    bobPeer.open();
    await world.until(() => alice.output.state.phase === 'in-call' && bob.output.state.phase === 'in-call');
    expect(alice.output.remoteStream).toBe(remoteStreamStandIn);
    expect(alice.output.channelOpen).toBe(true);

    expect(alice.controller.sendToPartner({ type: 'typing', active: true })).toBe(true);
    await world.until(() => bob.output.partnerMessages.length === 1);
    expect(bob.output.partnerMessages).toEqual([{ type: 'typing', active: true }]);
    // Pings and pongs stay inside the controllers; each side learns its round trip.
    await world.until(() => alice.output.roundTrips.some((ms) => ms !== null) && bob.output.roundTrips.some((ms) => ms !== null));
    expect(alice.output.partnerMessages).toEqual([]);

    const track = { id: 'blurred video' } as unknown as MediaStreamTrack;
    alice.controller.setOutgoingVideo(track);
    expect(alicePeer.videoTracks).toEqual([track]);
  });

  it('Next while connecting ends the pair for both: the skipper searches again and the partner is told', async () => {
    const { alice, bob, alicePeer, bobPeer } = await pairAliceAndBob();
    bob.controller.next();
    expect(bob.output.state).toMatchObject({ phase: 'searching', pairId: null, notice: null });
    expect(bobPeer.destroyed).toBe(true);
    expect(bob.output.channelOpen).toBe(false);
    await world.until(() => alice.output.state.phase === 'searching');
    expect(alice.output.state.notice).toEqual({ tone: 'info', text: 'The stranger moved on. Finding someone new…' });
    expect(alicePeer.destroyed).toBe(true);
    // Both are back in the queue (not with each other, after a skip), and each prepares a new offer.
    await world.until(() => alice.peers().length === 2 && bob.peers().length === 2);
  });

  it('Next in the lobby or while searching (no pair) does nothing', async () => {
    const alice = await online('alice');
    alice.controller.next();
    expect(alice.output.state.phase).toBe('lobby');
    alice.controller.start();
    await world.until(() => alice.peers().length === 1);
    alice.controller.next();
    expect(alice.output.eventsOf('next')).toEqual([]);
    expect(alice.latestPeer().destroyed).toBe(false);
  });

  it.each([
    ['leave', 'left'],
    ['next', 'skipped'],
    ['close', 'disconnected'],
  ] as const)(
    'a partner who does "%s" is gone: the call ends with the reason and the search goes on',
    async (action, reason: PartnerLeftReason) => {
      const alice = await online('alice');
      alice.controller.start();
      await world.until(() => alice.peers().length === 1);
      const partner = await world.rawPartner('partner');
      partner.send({ type: 'join' });
      const matched = await partner.nextOf('matched');
      await world.until(() => alice.output.state.phase === 'connecting');
      const peer = alice.latestPeer();
      if (action === 'close') partner.close();
      else partner.send({ type: action });

      await world.until(() => alice.output.state.phase === 'searching');
      expect(alice.output.eventsOf('partner-left')).toEqual([{ type: 'partner-left', pairId: matched.pairId, reason }]);
      expect(peer.destroyed).toBe(true);
      expect(alice.output.remoteStream).toBeNull();
      // The server queued Alice again, and she prepares a new offer for whoever comes next.
      await world.until(() => alice.peers().length === 2);
    },
  );

  it.each(['stop', 'cancel'] as const)('%s during the search leaves the queue and drops the prepared offer', async (action) => {
    const alice = await online('alice');
    alice.controller.start();
    await world.until(() => alice.peers().length === 1);
    alice.controller[action]();
    expect(alice.output.state).toEqual({ phase: 'lobby', pairId: null, partnerId: null, startedAt: null, notice: null });
    expect(alice.latestPeer().destroyed).toBe(true);
    // Had Alice still been waiting, the next person to join would have been paired with her at once.
    const partner = await world.rawPartner('partner');
    partner.send({ type: 'join' });
    await partner.nextOf('queued');
    expect(alice.peers()).toHaveLength(1);
  });

  it('Stop during a call ends it for the partner too', async () => {
    const { alice, bob } = await pairAliceAndBob();
    alice.controller.stop();
    expect(alice.output.state.phase).toBe('lobby');
    await world.until(() => bob.output.eventsOf('partner-left').length === 1);
    expect(bob.output.eventsOf('partner-left')[0]?.reason).toBe('left');
  });

  it('with no camera any more when the match comes, it leaves instead of calling with nothing', async () => {
    const alice = await online('alice');
    alice.camera = null;
    alice.controller.start();
    const partner = await world.rawPartner('partner');
    // No offer is prepared without a camera, so Alice waits with none.
    await world.until(() => alice.output.state.phase === 'searching');
    partner.send({ type: 'join' });
    const matched = await partner.nextOf('matched');
    expect(await partner.nextOf('partner-left')).toEqual({ type: 'partner-left', pairId: matched.pairId, reason: 'left' });
    expect(alice.output.state.phase).toBe('lobby');
    expect(alice.peers()).toEqual([]);
  });
});
