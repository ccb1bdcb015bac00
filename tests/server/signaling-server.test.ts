import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type RunningSignalingServer } from '../../server/signaling-server';
import { MAX_MESSAGE_BYTES } from '../../src/shared/wire-protocol';
import { TestSocket } from './test-socket';

const offer = { type: 'offer', sdp: 'v=0\r\n' };

describe('signaling server', () => {
  let server: RunningSignalingServer;
  const sockets: TestSocket[] = [];
  const connect = async (options = {}) => {
    const socket = await TestSocket.connect(server.url, options);
    sockets.push(socket);
    return socket;
  };
  const pair = async () => {
    const a = await connect();
    const b = await connect();
    a.send({ type: 'join' });
    await a.nextOf('queued');
    b.send({ type: 'join' });
    const matchedA = await a.nextOf('matched');
    const matchedB = await b.nextOf('matched');
    return { a, b, pairId: matchedA.pairId, matchedA, matchedB };
  };

  beforeEach(async () => {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0, heartbeatIntervalMs: 100, iceServers: [] });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await server.close();
  });

  it('welcomes each client with its ICE servers and heartbeat', async () => {
    const socket = new (await import('ws')).default(server.url);
    const welcome = await new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    expect(welcome).toMatchObject({ type: 'welcome', iceServers: [], heartbeatIntervalMs: 100 });
    socket.close();
  });

  it('pairs two clients and relays signals only between them', async () => {
    const { a, b, pairId, matchedA, matchedB } = await pair();
    expect(matchedA.initiator).not.toBe(matchedB.initiator);
    const outsider = await connect();
    a.send({ type: 'signal', pairId, data: offer });
    expect(await b.nextOf('signal')).toEqual({ type: 'signal', pairId, data: offer });
    outsider.send({ type: 'signal', pairId, data: offer });
    expect((await outsider.nextOf('error')).code).toBe('not-in-call');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(b.received.filter((message) => message.type === 'signal')).toHaveLength(0);
  });

  it('hands the waiting client\'s prepared offer to its partner right after "matched"', async () => {
    const a = await connect();
    const b = await connect();
    a.send({ type: 'join' });
    const { ticket } = await a.nextOf('queued');
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
    c.send({ type: 'join' });
    await c.nextOf('queued');
    a.send({ type: 'next' });
    const aNew = await a.nextOf('matched');
    const cNew = await c.nextOf('matched');
    expect(aNew.pairId).toBe(cNew.pairId);
    expect(await b.nextOf('partner-left')).toMatchObject({ reason: 'skipped' });
    await b.nextOf('queued');
    expect(server.stats()).toMatchObject({ waiting: 1, pairs: 1 });
  });

  it('frees the partner of a client that vanishes without closing, within a second', async () => {
    const a = await connect({ autoPong: false });
    const b = await connect();
    a.send({ type: 'join' });
    await a.nextOf('queued');
    b.send({ type: 'join' });
    await b.nextOf('matched');
    // a stops answering pings (as when a laptop lid closes or the network drops).
    a.socket.pause();
    const started = Date.now();
    expect(await b.nextOf('partner-left', 1000)).toMatchObject({ reason: 'disconnected' });
    expect(Date.now() - started).toBeLessThan(1000);
    await b.nextOf('queued');
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
    await expect.poll(() => flooder.received.length).toBe(400);
    const limited = flooder.received.filter((message) => message.type === 'error' && message.code === 'rate-limited');
    const served = flooder.received.filter((message) => message.type === 'idle');
    // A burst of 120 is served, the rest is refused (a few tokens refill while the flood arrives).
    expect(served.length).toBeGreaterThanOrEqual(120);
    expect(served.length).toBeLessThan(160);
    expect(limited.length).toBe(400 - served.length);
    a.send({ type: 'signal', pairId, data: offer });
    expect((await b.nextOf('signal')).pairId).toBe(pairId);
  });
});
