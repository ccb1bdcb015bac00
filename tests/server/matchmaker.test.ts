import { describe, expect, it } from 'vitest';
import { Matchmaker, type Outgoing } from '../../server/matchmaker';
import { InMemoryWaitingQueue } from '../../server/waiting-queue';
import { MAX_PREPARED_SIGNALS, type PeerSignal, type ServerMessage } from '../../src/shared/wire-protocol';

function setup(random: () => number = () => 0, mayMeet?: (a: string, b: string) => boolean) {
  let counter = 0;
  return new Matchmaker({ queue: new InMemoryWaitingQueue(random), newId: () => `id${++counter}`, mayMeet });
}

function messagesTo(outgoing: Outgoing[] | string, to: string): string[] {
  if (typeof outgoing === 'string') throw new Error(`unexpected error ${outgoing}`);
  return outgoing.filter((item) => item.to === to).map((item) => item.message.type);
}

describe('Matchmaker', () => {
  it('queues the first client and pairs the second with it, the waiting one as initiator', () => {
    const matchmaker = setup();
    expect(messagesTo(matchmaker.join('a'), 'a')).toEqual(['queued']);
    const outgoing = matchmaker.join('b') as Outgoing[];
    const toA = outgoing.find((item) => item.to === 'a')!.message;
    const toB = outgoing.find((item) => item.to === 'b')!.message;
    expect(toA).toMatchObject({ type: 'matched', initiator: true });
    expect(toB).toMatchObject({ type: 'matched', initiator: false });
    if (toA.type !== 'matched' || toB.type !== 'matched') throw new Error('not matched');
    expect(toA.pairId).toBe(toB.pairId);
    // Each side sees an alias for the other, never the connection id.
    expect([toA.partnerId, toB.partnerId]).not.toContain('a');
    expect([toA.partnerId, toB.partnerId]).not.toContain('b');
    expect(matchmaker.partnerOf('a')).toBe('b');
  });

  it('picks the partner at random among the eligible waiting clients', () => {
    const picks = new Set<string>();
    for (const roll of [0, 0.34, 0.67, 0.99]) {
      // The waiting clients may only meet x, so they stay in the queue together.
      const matchmaker = setup(
        () => roll,
        (p, q) => p === 'x' || q === 'x',
      );
      for (const id of ['w1', 'w2', 'w3']) matchmaker.join(id);
      matchmaker.join('x');
      picks.add(matchmaker.partnerOf('x')!);
    }
    expect(picks).toEqual(new Set(['w1', 'w2', 'w3']));
  });

  it('refuses to join twice', () => {
    const matchmaker = setup();
    matchmaker.join('a');
    expect(matchmaker.join('a')).toBe('already-joined');
    matchmaker.join('b');
    expect(matchmaker.join('b')).toBe('already-joined');
  });

  it('relays signals only between the partners of the current pair', () => {
    const matchmaker = setup();
    matchmaker.join('a');
    const outgoing = matchmaker.join('b') as Outgoing[];
    const matched = outgoing[0]!.message;
    if (matched.type !== 'matched') throw new Error('not matched');
    expect(matchmaker.routeSignal('a', matched.pairId)).toEqual({ ok: true, to: 'b' });
    expect(matchmaker.routeSignal('a', 'old-pair')).toEqual({ ok: false, error: 'stale-pair' });
    expect(matchmaker.routeSignal('c', matched.pairId)).toEqual({ ok: false, error: 'not-in-call' });
  });

  it('on Next, tells the partner, requeues both, and never pairs them with each other again at once', () => {
    const matchmaker = setup();
    matchmaker.join('a');
    matchmaker.join('b');
    const outgoing = matchmaker.next('a') as Outgoing[];
    expect(messagesTo(outgoing, 'b')).toEqual(['partner-left', 'queued']);
    expect(messagesTo(outgoing, 'a')).toEqual(['queued']);
    expect(matchmaker.isWaiting('a') && matchmaker.isWaiting('b')).toBe(true);
    // A third client is paired with one of them; the other still waits.
    matchmaker.join('c');
    expect(matchmaker.waitingCount).toBe(1);
    expect(matchmaker.partnerOf('a') ?? matchmaker.partnerOf('b')).toBe('c');
  });

  it('keeps a skipped pair apart until both have talked to someone else', () => {
    const matchmaker = setup();
    matchmaker.join('a');
    matchmaker.join('b');
    matchmaker.next('a');
    matchmaker.join('c'); // pairs with a (the first eligible at random 0)
    expect(matchmaker.partnerOf('a')).toBe('c');
    matchmaker.leave('c');
    matchmaker.leave('a');
    matchmaker.join('a');
    // b has met nobody since it was skipped: still not paired with a.
    expect(matchmaker.partnerOf('a')).toBeUndefined();
    matchmaker.join('d'); // b waited longest: d meets b
    expect(matchmaker.partnerOf('d')).toBe('b');
    matchmaker.leave('d');
    matchmaker.leave('b');
    matchmaker.join('b');
    expect(matchmaker.partnerOf('b')).toBe('a');
  });

  it('requeues the skipper first so it meets whoever already waits', () => {
    const matchmaker = setup();
    matchmaker.join('a');
    matchmaker.join('b');
    matchmaker.join('c');
    const outgoing = matchmaker.next('a') as Outgoing[];
    expect(messagesTo(outgoing, 'a')).toEqual(['matched']);
    expect(matchmaker.partnerOf('a')).toBe('c');
    expect(messagesTo(outgoing, 'b')).toEqual(['partner-left', 'queued']);
  });

  it('answers Next outside a call with an error', () => {
    const matchmaker = setup();
    expect(matchmaker.next('a')).toBe('not-in-call');
    matchmaker.join('a');
    expect(matchmaker.next('a')).toBe('not-in-call');
  });

  it('frees and requeues the partner of a client that disconnects', () => {
    const matchmaker = setup();
    matchmaker.join('a');
    matchmaker.join('b');
    const outgoing = matchmaker.disconnect('a');
    expect(messagesTo(outgoing, 'b')).toEqual(['partner-left', 'queued']);
    expect(outgoing[0]!.message).toMatchObject({ reason: 'disconnected' });
    expect(matchmaker.partnerOf('b')).toBeUndefined();
    expect(matchmaker.isWaiting('b')).toBe(true);
  });

  it('on leave, ends the call, and the partner is told and requeued (the one who left is not)', () => {
    const matchmaker = setup();
    matchmaker.join('a');
    matchmaker.join('b');
    const outgoing = matchmaker.leave('a');
    expect(messagesTo(outgoing, 'a')).toEqual(['idle']);
    expect(messagesTo(outgoing, 'b')).toEqual(['partner-left', 'queued']);
    expect(matchmaker.isWaiting('a')).toBe(false);
    expect(matchmaker.isWaiting('b')).toBe(true);
    expect(matchmaker.pairCount).toBe(0);
  });

  it('asks the extra pairing rule in both directions', () => {
    const blocked = new Set(['b>a']);
    const matchmaker = setup(
      () => 0,
      (x, y) => !blocked.has(`${x}>${y}`),
    );
    matchmaker.join('a');
    expect(messagesTo(matchmaker.join('b'), 'b')).toEqual(['queued']);
    expect(matchmaker.waitingCount).toBe(2);
  });

  describe('the offer a waiting client prepares', () => {
    const offer: PeerSignal = { type: 'offer', sdp: 'v=0\r\n' };
    const candidate = (n: number): PeerSignal => ({
      type: 'candidate',
      candidate: { candidate: `candidate:${n} 1 udp 1 127.0.0.1 ${5000 + n} typ host`, sdpMid: '0', sdpMLineIndex: 0 },
    });
    const ticketOf = (outgoing: Outgoing[] | string, to: string): string => {
      const queued = (outgoing as Outgoing[]).find((item) => item.to === to && item.message.type === 'queued')?.message;
      if (queued?.type !== 'queued') throw new Error(`${to} was not queued`);
      return queued.ticket;
    };
    const toClient = (outgoing: Outgoing[] | string, to: string): ServerMessage[] =>
      (outgoing as Outgoing[]).filter((item) => item.to === to).map((item) => item.message);

    it('reaches the joining partner right after "matched", in order, and nobody else', () => {
      const matchmaker = setup();
      const ticket = ticketOf(matchmaker.join('a'), 'a');
      for (const signal of [offer, candidate(1), candidate(2)]) expect(matchmaker.addPreparedSignal('a', ticket, signal)).toEqual([]);
      const outgoing = matchmaker.join('b');
      const [matched, ...signals] = toClient(outgoing, 'b');
      if (matched?.type !== 'matched') throw new Error('not matched');
      expect(matched.initiator).toBe(false);
      expect(signals).toEqual([offer, candidate(1), candidate(2)].map((data) => ({ type: 'signal', pairId: matched.pairId, data })));
      expect(toClient(outgoing, 'a').map((message) => message.type)).toEqual(['matched']);
    });

    it('passes on a prepared signal that crosses the pairing', () => {
      const matchmaker = setup();
      const ticket = ticketOf(matchmaker.join('a'), 'a');
      const matched = toClient(matchmaker.join('b'), 'b')[0]!;
      if (matched.type !== 'matched') throw new Error('not matched');
      expect(matchmaker.addPreparedSignal('a', ticket, candidate(3))).toEqual([
        { to: 'b', message: { type: 'signal', pairId: matched.pairId, data: candidate(3) } },
      ]);
      // The answering side has no prepared offer to speak of.
      expect(matchmaker.addPreparedSignal('b', ticket, candidate(3))).toBe('stale-pair');
    });

    it('refuses signals of an earlier wait, after leaving or after being requeued', () => {
      const matchmaker = setup();
      const first = ticketOf(matchmaker.join('a'), 'a');
      matchmaker.leave('a');
      expect(matchmaker.addPreparedSignal('a', first, offer)).toBe('stale-pair');
      const second = ticketOf(matchmaker.join('a'), 'a');
      expect(second).not.toBe(first);
      expect(matchmaker.addPreparedSignal('a', first, offer)).toBe('stale-pair');
      matchmaker.join('b');
      const third = ticketOf(matchmaker.next('b'), 'a');
      // A late signal of the call that just ended must not join the next partner's offer.
      expect(matchmaker.addPreparedSignal('a', second, candidate(1))).toBe('stale-pair');
      expect(matchmaker.addPreparedSignal('a', third, offer)).toEqual([]);
    });

    it(`keeps at most ${MAX_PREPARED_SIGNALS} signals of one offer`, () => {
      const matchmaker = setup();
      const ticket = ticketOf(matchmaker.join('a'), 'a');
      for (let n = 0; n < MAX_PREPARED_SIGNALS; n += 1) expect(matchmaker.addPreparedSignal('a', ticket, candidate(n))).toEqual([]);
      expect(matchmaker.addPreparedSignal('a', ticket, candidate(99))).toBe('too-large');
    });

    it('refuses a prepared signal from someone who never queued', () => {
      expect(setup().addPreparedSignal('x', 'any', offer)).toBe('stale-pair');
    });
  });
});
