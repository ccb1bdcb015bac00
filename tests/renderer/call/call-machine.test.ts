import { describe, expect, it } from 'vitest';
import { callReducer, initialCallState, type CallEvent, type CallPhase, type CallState } from '../../../src/renderer/src/call/call-machine';

const PAIR = 'pair-1';
const lobby: CallState = initialCallState;
const searching: CallState = { phase: 'searching', pairId: null, partnerId: null, startedAt: null, notice: null };
const connecting: CallState = { phase: 'connecting', pairId: PAIR, partnerId: 'partner-1', startedAt: 1_000, notice: null };
const inCall: CallState = { ...connecting, phase: 'in-call' };
const STATES: Record<CallPhase, CallState> = { lobby, searching, connecting, 'in-call': inCall };
const PHASES = Object.keys(STATES) as CallPhase[];
const withNotice = (state: CallState, tone: 'info' | 'warning' | 'error'): CallState => ({
  ...state,
  notice: { tone, text: 'Earlier news.' },
});

/** A refused event leaves the very same state: React then skips the render. */
function expectRefused(state: CallState, event: CallEvent): void {
  expect(callReducer(state, event)).toBe(state);
}

describe('the call state machine', () => {
  it('starts from the lobby with nothing to say', () => {
    expect(initialCallState).toEqual({ phase: 'lobby', pairId: null, partnerId: null, startedAt: null, notice: null });
  });

  it('Start goes from the lobby to searching, clearing the notice, and is refused anywhere else', () => {
    expect(callReducer(withNotice(lobby, 'error'), { type: 'start' })).toEqual(searching);
    for (const phase of ['searching', 'connecting', 'in-call'] as const) expectRefused(STATES[phase], { type: 'start' });
  });

  it.each(['cancel', 'stop'] as const)('%s returns to a quiet lobby from every phase', (type) => {
    for (const phase of PHASES) expect(callReducer(withNotice(STATES[phase], 'info'), { type })).toEqual(initialCallState);
  });

  it('Next searches again from every phase but the lobby, where it is refused', () => {
    expectRefused(lobby, { type: 'next' });
    for (const phase of ['searching', 'connecting', 'in-call'] as const) {
      expect(callReducer(withNotice(STATES[phase], 'warning'), { type: 'next' })).toEqual(searching);
    }
  });

  it('a match starts connecting with the pair, partner and time, unless the person is back in the lobby', () => {
    const matched: CallEvent = { type: 'matched', pairId: 'pair-2', partnerId: 'partner-2', at: 5_000 };
    const expected: CallState = { phase: 'connecting', pairId: 'pair-2', partnerId: 'partner-2', startedAt: 5_000, notice: null };
    for (const phase of ['searching', 'connecting', 'in-call'] as const)
      expect(callReducer(withNotice(STATES[phase], 'info'), matched)).toEqual(expected);
    expectRefused(lobby, matched);
  });

  it("the partner's media makes a connecting call live; for another pair or in another phase it is refused", () => {
    expect(callReducer(connecting, { type: 'remote-media', pairId: PAIR })).toEqual(inCall);
    expectRefused(connecting, { type: 'remote-media', pairId: 'pair-old' });
    for (const phase of ['lobby', 'searching', 'in-call'] as const) expectRefused(STATES[phase], { type: 'remote-media', pairId: PAIR });
  });

  it.each([
    ['skipped', 'The stranger moved on. Finding someone new…'],
    ['left', 'The stranger ended the call. Finding someone new…'],
    ['disconnected', 'The stranger lost their connection. Finding someone new…'],
  ] as const)('the partner leaving (%s) searches again and says why', (reason, text) => {
    for (const state of [connecting, inCall]) {
      expect(callReducer(state, { type: 'partner-left', pairId: PAIR, reason })).toEqual({ ...searching, notice: { tone: 'info', text } });
    }
  });

  it('news of another pair leaving or failing is refused in every phase', () => {
    for (const phase of PHASES) {
      expectRefused(STATES[phase], { type: 'partner-left', pairId: 'pair-old', reason: 'left' });
      expectRefused(STATES[phase], { type: 'peer-failed', pairId: 'pair-old' });
    }
  });

  it('a failed peer connection searches again with a warning', () => {
    for (const state of [connecting, inCall]) {
      expect(callReducer(state, { type: 'peer-failed', pairId: PAIR })).toEqual({
        ...searching,
        notice: { tone: 'warning', text: 'Could not connect to that stranger. Finding someone new…' },
      });
    }
  });

  it('losing the server returns to the lobby, saying whether a call ended', () => {
    expect(callReducer(lobby, { type: 'server-lost' })).toEqual({
      ...initialCallState,
      notice: { tone: 'error', text: 'Cannot reach Cam-Party. Retrying…' },
    });
    for (const phase of ['searching', 'connecting', 'in-call'] as const) {
      expect(callReducer(STATES[phase], { type: 'server-lost' })).toEqual({
        ...initialCallState,
        notice: { tone: 'error', text: 'Lost the connection to Cam-Party, so the call ended. Reconnecting…' },
      });
    }
  });

  it('the server coming back replaces an error with how to go on, and is refused when there was no error', () => {
    const lost = callReducer(inCall, { type: 'server-lost' });
    expect(callReducer(lost, { type: 'server-restored' })).toEqual({
      ...initialCallState,
      notice: { tone: 'info', text: 'Connected to Cam-Party again. Press Start to meet someone new.' },
    });
    for (const state of [lobby, withNotice(searching, 'info'), withNotice(inCall, 'warning')])
      expectRefused(state, { type: 'server-restored' });
  });

  it("a server error and the app's own notices keep the phase and only change what is said", () => {
    for (const phase of PHASES) {
      const state = STATES[phase];
      expect(callReducer(state, { type: 'server-error', text: 'Too many messages; slow down.' })).toEqual({
        ...state,
        notice: { tone: 'warning', text: 'Too many messages; slow down.' },
      });
      const notice = { tone: 'info', text: 'Report filed.' } as const;
      expect(callReducer(state, { type: 'notice', notice })).toEqual({ ...state, notice });
      expect(callReducer(withNotice(state, 'error'), { type: 'dismiss-notice' })).toEqual(state);
    }
  });
});
