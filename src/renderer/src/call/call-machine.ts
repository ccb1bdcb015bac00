/**
 * What the call screen shows, as a pure reducer: the phases a person moves
 * through and the notice that tells them why they are where they are.
 */
import type { PartnerLeftReason } from '../../../shared/wire-protocol';

export type CallPhase = 'lobby' | 'searching' | 'connecting' | 'in-call';

export interface Notice {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export interface CallState {
  phase: CallPhase;
  pairId: string | null;
  partnerId: string | null;
  /** When the server paired us (ms since the epoch), for reports. */
  startedAt: number | null;
  notice: Notice | null;
}

export type CallEvent =
  | { type: 'start' }
  | { type: 'cancel' }
  | { type: 'stop' }
  | { type: 'next' }
  | { type: 'matched'; pairId: string; partnerId: string; at: number }
  | { type: 'remote-media'; pairId: string }
  | { type: 'partner-left'; pairId: string; reason: PartnerLeftReason }
  | { type: 'peer-failed'; pairId: string }
  | { type: 'server-lost' }
  | { type: 'server-restored' }
  | { type: 'server-error'; text: string }
  | { type: 'notice'; notice: Notice }
  | { type: 'dismiss-notice' };

export const initialCallState: CallState = { phase: 'lobby', pairId: null, partnerId: null, startedAt: null, notice: null };

const PARTNER_LEFT_TEXT: Record<PartnerLeftReason, string> = {
  skipped: 'The stranger moved on. Finding someone new…',
  left: 'The stranger ended the call. Finding someone new…',
  disconnected: 'The stranger lost their connection. Finding someone new…',
};

const searching = (notice: Notice | null): CallState => ({ phase: 'searching', pairId: null, partnerId: null, startedAt: null, notice });

export function callReducer(state: CallState, event: CallEvent): CallState {
  switch (event.type) {
    case 'start':
      return state.phase === 'lobby' ? searching(null) : state;
    case 'cancel':
    case 'stop':
      return { ...initialCallState };
    case 'next':
      return state.phase === 'lobby' ? state : searching(null);
    case 'matched':
      if (state.phase === 'lobby') return state;
      return { phase: 'connecting', pairId: event.pairId, partnerId: event.partnerId, startedAt: event.at, notice: null };
    case 'remote-media':
      return state.pairId === event.pairId && state.phase === 'connecting' ? { ...state, phase: 'in-call' } : state;
    case 'partner-left':
      if (state.pairId !== event.pairId) return state;
      return searching({ tone: 'info', text: PARTNER_LEFT_TEXT[event.reason] });
    case 'peer-failed':
      if (state.pairId !== event.pairId) return state;
      return searching({ tone: 'warning', text: 'Could not connect to that stranger. Finding someone new…' });
    case 'server-lost':
      return {
        ...initialCallState,
        notice:
          state.phase === 'lobby'
            ? { tone: 'error', text: 'Cannot reach Cam-Party. Retrying…' }
            : { tone: 'error', text: 'Lost the connection to Cam-Party, so the call ended. Reconnecting…' },
      };
    case 'server-restored':
      // Keep the story: the person learns the call ended, then that they can start again.
      return state.notice?.tone === 'error'
        ? { ...state, notice: { tone: 'info', text: 'Connected to Cam-Party again. Press Start to meet someone new.' } }
        : state;
    case 'server-error':
      return { ...state, notice: { tone: 'warning', text: event.text } };
    case 'notice':
      return { ...state, notice: event.notice };
    case 'dismiss-notice':
      return { ...state, notice: null };
  }
}
