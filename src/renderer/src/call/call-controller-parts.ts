/**
 * What a CallController is built from: where its socket comes from, where its
 * output goes, and the seams that tests and benchmarks may replace (the peer
 * connection, which needs a browser, and the timings).
 */
import type { PeerMessage } from '../../../shared/peer-messages';
import type { CallEvent } from './call-machine';
import { createPeerLink, type PeerLink, type PeerLinkOptions } from './peer-link';

export type ServerStatus = 'connecting' | 'online' | 'offline';

/** Chat and typing: what the partner's peer messages mean to the screen (ping and pong stay inside). */
export type PartnerMessage = Exclude<PeerMessage, { type: 'ping' | 'pong' }>;

/**
 * Where and how to open the socket: asked anew for each connection, since
 * access tokens expire; `fresh` after a connection that never opened (the
 * server may have refused the token).
 */
export type SocketAccess = (fresh: boolean) => Promise<{ url: string; protocols: string[] }>;

export interface CallControllerOutput {
  dispatch(event: CallEvent): void;
  setServerStatus(status: ServerStatus): void;
  setRemoteStream(stream: MediaStream | null): void;
  setRoundTripMs(ms: number | null): void;
  /** Whether the data channel to the partner is open (chat can be sent). */
  setChannelOpen(open: boolean): void;
  /** Chat and typing messages from the current partner. */
  onPeerMessage(message: PartnerMessage): void;
}

export type PeerFactory = (options: PeerLinkOptions) => PeerLink;

export interface CallTimings {
  /** Waits before each reconnection attempt; the last one repeats. */
  reconnectDelaysMs: readonly number[];
  /** How often the round trip to the partner is measured. */
  pingIntervalMs: number;
  /** How long a dead peer connection waits for the server's word before we move on ourselves. */
  peerEndGraceMs: number;
}

export const DEFAULT_CALL_TIMINGS: CallTimings = {
  reconnectDelaysMs: [250, 500, 1000, 2000, 5000],
  pingIntervalMs: 2000,
  peerEndGraceMs: 1000,
};

export interface CallControllerSeams {
  /** The WebRTC connection to the partner (simple-peer in the app). */
  createPeer: PeerFactory;
  timings: CallTimings;
}

export const DEFAULT_CALL_SEAMS: CallControllerSeams = { createPeer: createPeerLink, timings: DEFAULT_CALL_TIMINGS };
