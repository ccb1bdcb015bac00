import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { socketProtocolsFor } from '../../src/shared/accounts-api';
import { MAX_MESSAGE_BYTES } from '../../src/shared/wire-protocol';
import { startTestServer, type TestServer } from '../support/test-server';
import { ManualClock } from './manual-clock';
import { TestSocket } from './test-socket';

const HEARTBEAT_MS = 100;

const offer = { type: 'offer', sdp: 'v=0\r\n' };

describe('signaling server', () => {
  let server: TestServer;
  let clock: ManualClock;
  const sockets: TestSocket[] = [];
  let people = 0;
  /** A new person, signed in, on their own socket. */
  const connect = async (options: WebSocket.ClientOptions = {}) => {
    people += 1;
    const socket = await TestSocket.signedIn(server, `person_${people}`, options);
    sockets.push(socket);
    return socket;
  };
  /** Joins and waits in the queue. */
  const queue = async (socket: TestSocket) => {
    socket.send({ type: 'join' });
    return socket.nextOf('queued');
  };
  /** `a` waits first, then `b` joins and the two are matched. */
  const pairOf = async (a: TestSocket, b: TestSocket) => {
    await queue(a);
    b.send({ type: 'join' });
    const matchedA = await a.nextOf('matched');
    const matchedB = await b.nextOf('matched');
    return { a, b, pairId: matchedA.pairId, matchedA, matchedB };
  };
  const pair = async () => pairOf(await connect(), await connect());

  beforeEach(async () => {
    clock = new ManualClock();
    server = await startTestServer({ heartbeatIntervalMs: HEARTBEAT_MS, iceServers: [], clock });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await server.close();
  });

  it('welcomes each signed-in client with its ICE servers and heartbeat, and refuses anyone not signed in', async () => {
    const { accessToken } = await connect();
    const socket = new WebSocket(server.url, socketProtocolsFor(accessToken));
    const welcome = await new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    expect(welcome).toMatchObject({ type: 'welcome', iceServers: [], heartbeatIntervalMs: HEARTBEAT_MS });
    socket.close();
    await expect(TestSocket.connect(server.url)).rejects.toThrow(/401/);
  });

  it('pairs two clients and relays signals only between them', async () => {
    const { a, b, pairId, matchedA, matchedB } = await pair();
    expect(matchedA.initiator).not.toBe(matchedB.initiator);
    const outsider = await connect();
    a.send({ type: 'signal', pairId, data: offer });
    expect(await b.nextOf('signal')).toEqual({ type: 'signal', pairId, data: offer });
    outsider.send({ type: 'signal', pairId, data: offer });
    expect((await outsider.nextOf('error')).code).toBe('not-in-call');
    // Had the outsider's signal been relayed, it would reach b before this later one from a.
    const later = { type: 'answer', sdp: 'v=0\r\nlater' };
    a.send({ type: 'signal', pairId, data: later });
    expect(await b.nextOf('signal')).toEqual({ type: 'signal', pairId, data: later });
  });

  it('hands the waiting client\'s prepared offer to its partner right after "matched"', async () => {
    const a = await connect();
    const b = await connect();
    const { ticket } = await queue(a);
    a.send({ type: 'prepared-signal', ticket, data: offer });
    a.send({ type: 'prepared-signal', ticket: 'an-old-ticket', data: offer });
    expect((await a.nextOf('error')).code).toBe('stale-pair');
    b.send({ type: 'join' });
    const matched = await b.nextOf('matched');
    expect(matched.initiator).toBe(false);
    expect(await b.nextOf('signal')).toEqual({ type: 'signal', pairId: matched.pairId, data: offer });
    expect((await a.nextOf('matched')).initiator).toBe(true);
  });

  it('on Next, requeues the skipper at once into a new pair and tells the partner', async () => {
    const { a, b } = await pair();
    const c = await connect();
    await queue(c);
    a.send({ type: 'next' });
    const aNew = await a.nextOf('matched');
    const cNew = await c.nextOf('matched');
    expect(aNew.pairId).toBe(cNew.pairId);
    expect(await b.nextOf('partner-left')).toMatchObject({ reason: 'skipped' });
    await b.nextOf('queued');
    expect(server.stats()).toMatchObject({ waiting: 1, pairs: 1 });
  });

  it('frees the partner of a client that vanishes without closing, within three heartbeats', async () => {
    const { a, b } = await pairOf(await connect({ autoPong: false }), await connect());
    // a stops answering pings (as when a laptop lid closes or the network drops); b keeps answering.
    a.socket.pause();
    for (let beat = 0; beat < 3; beat += 1) {
      const pinged = new Promise((resolve) => b.socket.once('ping', resolve));
      clock.advance(HEARTBEAT_MS);
      await pinged;
      // b's pong went out before this, so once it is answered the server has heard the pong.
      await b.roundTrip();
    }
    expect(await b.nextOf('partner-left')).toMatchObject({ reason: 'disconnected' });
    await b.nextOf('queued');
    expect(server.stats()).toMatchObject({ clients: 1, waiting: 1, pairs: 0 });
  });

  it('answers malformed, oversized and out-of-order messages with errors and keeps serving', async () => {
    const { a, b, pairId } = await pair();
    const rogue = await connect();
    const cases: Array<[unknown, string]> = [
      ['{not json', 'bad-json'],
      [{ type: 'dance' }, 'bad-message'],
      [{ type: 'join', extra: 1 }, 'bad-message'],
      [{ type: 'signal', pairId: 'x', data: { type: 'offer', sdp: 5 } }, 'bad-message'],
      [{ type: 'signal', pairId: '../../etc', data: offer }, 'bad-message'],
      [JSON.stringify({ type: 'join', pad: 'x'.repeat(MAX_MESSAGE_BYTES) }), 'too-large'],
      [{ type: 'next' }, 'not-in-call'],
      [{ type: 'signal', pairId: 'abc', data: offer }, 'not-in-call'],
      ['null', 'bad-message'],
      ['[]', 'bad-message'],
    ];
    for (const [message, code] of cases) {
      rogue.send(message);
      expect((await rogue.nextOf('error')).code, JSON.stringify(message).slice(0, 80)).toBe(code);
    }
    rogue.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await rogue.nextOf('error')).code).toBe('bad-message');
    a.send({ type: 'signal', pairId: 'stale-pair-id', data: offer });
    expect((await a.nextOf('error')).code).toBe('stale-pair');
    a.send({ type: 'join' });
    expect((await a.nextOf('error')).code).toBe('already-joined');
    // The pair is untouched.
    a.send({ type: 'signal', pairId, data: offer });
    expect((await b.nextOf('signal')).pairId).toBe(pairId);
  });

  it('closes a socket that sends a huge frame, and only that one', async () => {
    const { a, b, pairId } = await pair();
    const rogue = await connect();
    const closed = new Promise((resolve) => rogue.socket.once('close', resolve));
    rogue.send('x'.repeat(1024 * 1024));
    await closed;
    a.send({ type: 'signal', pairId, data: offer });
    expect((await b.nextOf('signal')).pairId).toBe(pairId);
  });

  it('rate-limits a flood from one client without affecting others', async () => {
    const { a, b, pairId } = await pair();
    const flooder = await connect();
    for (let index = 0; index < 400; index += 1) flooder.send({ type: 'leave' });
    // The server's clock stands still, so no token refills while the flood arrives: exactly the burst is served.
    for (let index = 0; index < 280; index += 1) expect((await flooder.nextOf('error')).code).toBe('rate-limited');
    expect(flooder.received.filter((message) => message.type === 'idle')).toHaveLength(120);
    // Half a heartbeat refills three tokens (60 a second) without any ping falling due.
    clock.advance(HEARTBEAT_MS / 2);
    flooder.send({ type: 'leave' });
    await flooder.nextOf('idle');
    a.send({ type: 'signal', pairId, data: offer });
    expect((await b.nextOf('signal')).pairId).toBe(pairId);
  });
});
