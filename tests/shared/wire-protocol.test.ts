import { describe, expect, it } from 'vitest';
import { clientMessageSchema, MAX_MESSAGE_BYTES, parseFrame, serverMessageSchema } from '../../src/shared/wire-protocol';

describe('wire protocol', () => {
  it('accepts each simple-peer signal shape', () => {
    const signals = [
      { type: 'offer', sdp: 'v=0' },
      { type: 'answer', sdp: 'v=0' },
      { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMLineIndex: 0, sdpMid: '0' } },
      { renegotiate: true },
      { transceiverRequest: { kind: 'video', init: { direction: 'sendrecv' } } },
    ];
    for (const data of signals) {
      const result = parseFrame(clientMessageSchema, JSON.stringify({ type: 'signal', pairId: 'p1', data }));
      expect(result.ok, JSON.stringify(data)).toBe(true);
    }
  });

  it('names the field that is wrong', () => {
    const result = parseFrame(clientMessageSchema, JSON.stringify({ type: 'signal', pairId: 'p1', data: { type: 'offer', sdp: 1 } }));
    expect(result).toMatchObject({ ok: false, code: 'bad-message' });
    if (!result.ok) expect(result.message).toMatch(/data/);
  });

  it('measures size in bytes, not characters', () => {
    const emoji = '😀'.repeat(MAX_MESSAGE_BYTES / 4);
    expect(parseFrame(clientMessageSchema, JSON.stringify({ type: 'join', emoji }))).toMatchObject({ code: 'too-large' });
  });

  it('validates what the server sends with the same care', () => {
    expect(serverMessageSchema.safeParse({ type: 'matched', pairId: 'p', initiator: 'yes', partnerId: 'q' }).success).toBe(false);
    expect(serverMessageSchema.safeParse({ type: 'partner-left', pairId: 'p', reason: 'skipped' }).success).toBe(true);
  });
});
