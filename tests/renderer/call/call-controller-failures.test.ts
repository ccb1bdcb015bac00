/**
 * The call controller when things go wrong, against the real server: the
 * socket closes or never opens, the server answers with an error or a
 * restriction, the peer connection dies. Peer connections are stand-ins
 * (browser-only).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallTimings } from '../../../src/renderer/src/call/call-controller-parts';
import { CallWorld, type CallPerson } from './call-world';

const LOST_CALL = { tone: 'error', text: 'Lost the connection to Cam-Party, so the call ended. Reconnecting…' };
const UNREACHABLE = { tone: 'error', text: 'Cannot reach Cam-Party. Retrying…' };
const BACK = { tone: 'info', text: 'Connected to Cam-Party again. Press Start to meet someone new.' };

describe('the call controller when something fails', () => {
  let world: CallWorld;
  beforeEach(async () => {
    world = await CallWorld.start();
  });
  afterEach(() => world.close());

  const online = async (name: string, timings: Partial<CallTimings> = {}): Promise<CallPerson> => {
    const person = world.person(name, timings);
    await world.until(() => person.output.serverStatus === 'online');
    return person;
  };
  /** Alice searching, paired with a partner the test plays on a raw socket. */
  const aliceInCallWithRawPartner = async (timings: Partial<CallTimings> = {}) => {
    const alice = await online('alice', timings);
    alice.controller.start();
    await world.until(() => alice.peers().length === 1);
    const partner = await world.rawPartner('partner');
    partner.send({ type: 'join' });
    const { pairId } = await partner.nextOf('matched');
    await world.until(() => alice.output.state.phase === 'connecting');
    return { alice, partner, pairId, peer: alice.latestPeer() };
  };
  const offlineCount = (person: CallPerson): number => person.output.statuses.filter((status) => status === 'offline').length;

  it('the socket closing ends the call, says so once while retrying, and says how to go on when the server is back', async () => {
    const { alice, peer } = await aliceInCallWithRawPartner();
    const stopped = await world.stopServer();
    await world.until(() => alice.output.state.notice?.text === LOST_CALL.text);
    expect(alice.output.state).toMatchObject({ phase: 'lobby', pairId: null, notice: LOST_CALL });
    expect(peer.destroyed).toBe(true);
    expect(alice.output.remoteStream).toBeNull();
    // Several failed retries, and still the one message about the call that ended.
    await world.until(() => offlineCount(alice) >= 3);
    expect(alice.output.eventsOf('server-lost')).toHaveLength(1);

    await stopped.restart();
    await world.until(() => alice.output.serverStatus === 'online');
    expect(alice.output.state).toMatchObject({ phase: 'lobby', notice: BACK });
    // A socket that never opened asks for a fresh token: the restarted server knows none of the old ones.
    expect(alice.accessAsked[0]).toBe(false);
    expect(alice.accessAsked).toContain(true);
  });

  it('a server that cannot be reached at the start is said once, then Start works once it is there', async () => {
    const stopped = await world.stopServer();
    const alice = world.person('alice');
    await world.until(() => offlineCount(alice) >= 3);
    expect(alice.output.eventsOf('server-lost')).toHaveLength(1);
    expect(alice.output.state).toMatchObject({ phase: 'lobby', notice: UNREACHABLE });

    await stopped.restart();
    await world.until(() => alice.output.serverStatus === 'online');
    expect(alice.output.state.notice).toEqual(BACK);
    alice.controller.start();
    await world.until(() => alice.peers().length === 1);
  });

  it('Start before the socket is open joins as soon as it opens', async () => {
    const alice = world.person('alice');
    alice.controller.start();
    expect(alice.output.state.phase).toBe('searching');
    await world.until(() => alice.peers().length === 1);
  });

  it("the server's error message is shown as a warning and the call goes on", async () => {
    const { alice, peer } = await aliceInCallWithRawPartner();
    // A peer that trickles far more candidates than the server takes in a burst.
    peer.emitCandidates(300);
    await world.until(() => alice.output.eventsOf('server-error').length > 0);
    expect(alice.output.state).toMatchObject({ phase: 'connecting', notice: { tone: 'warning', text: 'Too many messages; slow down.' } });
    expect(peer.destroyed).toBe(false);
  });

  it('the races at the end of a call (a second join, a signal that crosses a skip) are not shown', async () => {
    const alice = await online('alice');
    alice.controller.start();
    alice.controller.start();
    await world.until(() => alice.peers().length === 1);
    const partner = await world.rawPartner('partner');
    partner.send({ type: 'join' });
    await partner.nextOf('matched');
    // The server answers in order: its "already-joined" came before this match.
    await world.until(() => alice.output.state.phase === 'connecting');
    const peer = alice.latestPeer();
    partner.send({ type: 'next' });
    // Alice's peer trickles a candidate meanwhile: relayed, or refused ("not-in-call") if the skip got there first.
    peer.emitCandidates(1);
    await world.until(() => alice.output.eventsOf('partner-left').length === 1);
    expect(peer.destroyed).toBe(true);
    // Alice is queued again and prepares a new offer: every message before that was handled.
    await world.until(() => alice.peers().length === 2);
    expect(alice.output.eventsOf('server-error')).toEqual([]);
    expect(alice.output.state.notice).toEqual({ tone: 'info', text: 'The stranger moved on. Finding someone new…' });
  });

  it('a peer connection that dies with no word from the server moves on by itself after the grace period', async () => {
    const { alice, partner, pairId, peer } = await aliceInCallWithRawPartner();
    peer.fail();
    expect(alice.output.channelOpen).toBe(false);
    await world.until(() => alice.output.eventsOf('peer-failed').length === 1);
    expect(alice.output.state).toMatchObject({
      phase: 'searching',
      notice: { tone: 'warning', text: 'Could not connect to that stranger. Finding someone new…' },
    });
    // Alice skipped on the server, so the partner is told and both search again.
    expect(await partner.nextOf('partner-left')).toEqual({ type: 'partner-left', pairId, reason: 'skipped' });
  });

  it('a peer connection that dies just before the server says the partner left reports the partner leaving', async () => {
    // A grace period far longer than the server's word takes, so the fallback cannot overtake it on a busy machine.
    const { alice, partner, pairId, peer } = await aliceInCallWithRawPartner({ peerEndGraceMs: 60_000 });
    peer.fail();
    partner.send({ type: 'leave' });
    await world.until(() => alice.output.eventsOf('partner-left').length === 1);
    expect(alice.output.eventsOf('partner-left')[0]).toEqual({ type: 'partner-left', pairId, reason: 'left' });
    expect(alice.output.state.notice).toEqual({ tone: 'info', text: 'The stranger ended the call. Finding someone new…' });
    expect(alice.output.eventsOf('peer-failed')).toEqual([]);
  });

  it('a suspension stops the search and says why', async () => {
    const alice = await online('alice');
    alice.controller.start();
    await world.until(() => alice.peers().length === 1);
    await world.server.moderation.standing.suspend(
      world.accountOf('alice'),
      Date.now() + 3_600_000,
      'A moderator suspended this account.',
      null,
    );
    await world.until(() => alice.output.state.notice?.tone === 'error');
    expect(alice.output.state.phase).toBe('lobby');
    expect(alice.output.state.notice?.text).toMatch(/^Your account is suspended from matching until .* UTC\./);
    expect(alice.latestPeer().destroyed).toBe(true);
  });

  it('disposing ends the call and the socket: the partner learns Alice is gone', async () => {
    const { alice, partner, pairId, peer } = await aliceInCallWithRawPartner();
    alice.controller.dispose();
    expect(peer.destroyed).toBe(true);
    expect(await partner.nextOf('partner-left')).toEqual({ type: 'partner-left', pairId, reason: 'disconnected' });
  });
});
