/**
 * One WebRTC connection to the stranger, carried by simple-peer: our camera
 * and microphone out, theirs in, and a data channel for peer messages.
 */
import './node-globals';
import SimplePeer from 'simple-peer';
import type { IceServer, PeerSignal } from '../../../shared/wire-protocol';
import { parsePeerMessage, type PeerMessage } from '../../../shared/peer-messages';
import { deferTeardown } from './deferred-teardown';
import { FULL_SIZE_AFTER_CONNECT_MS, sendSmallFirstFrames } from './first-frame-size';

export type PeerEndReason = 'closed' | 'failed';

export interface PeerLinkEvents {
  onSignal(signal: PeerSignal): void;
  onRemoteStream(stream: MediaStream): void;
  onConnect(): void;
  onMessage(message: PeerMessage): void;
  /** The connection ended on its own (not by `destroy`). */
  onEnd(reason: PeerEndReason, detail: string): void;
}

export interface PeerLink {
  signal(signal: PeerSignal): void;
  /** Swaps the video we send (an effect turned on or off) without renegotiating. */
  replaceVideoTrack(next: MediaStreamTrack): void;
  send(message: PeerMessage): boolean;
  destroy(): void;
}

export interface PeerLinkOptions {
  initiator: boolean;
  localStream: MediaStream;
  iceServers: IceServer[];
  events: PeerLinkEvents;
}

export function createPeerLink({ initiator, localStream, iceServers, events }: PeerLinkOptions): PeerLink {
  let ended = false;
  const peer = new SimplePeer({
    initiator,
    stream: localStream,
    trickle: true,
    // Always pass the server's list: simple-peer's default would contact public STUN servers.
    config: { iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' },
    // A fixed channel name, so both sides agree without a round trip.
    channelName: 'cam-party',
  });
  // simple-peer keeps its RTCPeerConnection private; sender parameters and tracks need it.
  const connection = (peer as unknown as { _pc: RTCPeerConnection })._pc;
  const restoreFullSize = sendSmallFirstFrames(connection);
  let fullSizeTimer: ReturnType<typeof setTimeout> | undefined;
  const end = (reason: PeerEndReason, detail: string): void => {
    if (ended) return;
    ended = true;
    peer.destroy();
    events.onEnd(reason, detail);
  };

  peer.on('signal', (data: unknown) => events.onSignal(data as PeerSignal));
  peer.on('stream', (stream: MediaStream) => events.onRemoteStream(stream));
  peer.on('connect', () => {
    fullSizeTimer = setTimeout(restoreFullSize, FULL_SIZE_AFTER_CONNECT_MS);
    events.onConnect();
  });
  peer.on('data', (data: Uint8Array | string) => {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    const message = parsePeerMessage(text);
    if (message) events.onMessage(message);
  });
  peer.on('close', () => end('closed', 'The connection closed.'));
  peer.on('error', (error: Error & { code?: string }) => {
    // ERR_DATA_CHANNEL after the other side closes is a partner leaving, not a crash.
    const closed = error.code === 'ERR_DATA_CHANNEL' || error.code === 'ERR_CONNECTION_FAILURE';
    end(closed ? 'closed' : 'failed', error.code ?? error.message);
  });

  let sentVideo = localStream.getVideoTracks()[0];
  return {
    replaceVideoTrack: (next) => {
      if (ended || !sentVideo || sentVideo === next) return;
      peer.replaceTrack(sentVideo, next, localStream);
      sentVideo = next;
    },
    signal: (signal) => {
      if (!ended) peer.signal(signal as SimplePeer.SignalData);
    },
    send: (message) => {
      if (ended || !peer.connected) return false;
      try {
        peer.send(JSON.stringify(message));
        return true;
      } catch {
        return false;
      }
    },
    destroy: () => {
      ended = true;
      clearTimeout(fullSizeTimer);
      peer.removeAllListeners();
      peer.on('error', () => {});
      // Nothing more of ours goes out from this moment; the close itself waits (deferred-teardown).
      connection.getSenders().forEach((sender) => void sender.replaceTrack(null).catch(() => {}));
      deferTeardown(() => peer.destroy());
    },
  };
}
