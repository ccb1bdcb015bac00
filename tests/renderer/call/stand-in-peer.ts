/**
 * A stand-in for the WebRTC peer connection (RTCPeerConnection and media
 * need a browser; these tests run in Node), injected through the call
 * controller's `createPeer` seam. Its signals are real wire-protocol signals
 * that travel through the real server: the offer names its stand-in, so the
 * answering side finds it, and the two exchange peer messages once the test
 * connects them. The test decides when a connection opens or fails.
 */
import type { PeerFactory } from '../../../src/renderer/src/call/call-controller-parts';
import type { PeerLink, PeerLinkOptions } from '../../../src/renderer/src/call/peer-link';
import type { PeerMessage } from '../../../src/shared/peer-messages';
import type { PeerSignal } from '../../../src/shared/wire-protocol';
import type { Conditions } from './conditions';

const SDP_PREFIX = 'stand-in peer ';

/** What a test's camera is: nothing here reads a frame of it. */
export const cameraStandIn = { id: 'camera stand-in' } as unknown as MediaStream;
export const remoteStreamStandIn = { id: 'remote stream stand-in' } as unknown as MediaStream;

export class StandInPeer implements PeerLink {
  readonly signalsReceived: PeerSignal[] = [];
  readonly videoTracks: MediaStreamTrack[] = [];
  destroyed = false;
  connected = false;
  partner: StandInPeer | null = null;

  constructor(
    readonly id: number,
    /** Whose controller created it. */
    readonly owner: string,
    readonly options: PeerLinkOptions,
    private readonly peers: StandInPeers,
  ) {
    // Like simple-peer, the initiator's offer comes out on its own, just after creation.
    if (options.initiator) queueMicrotask(() => this.emitSignal({ type: 'offer', sdp: `${SDP_PREFIX}${id}` }));
  }

  signal(signal: PeerSignal): void {
    this.signalsReceived.push(signal);
    if ('type' in signal && (signal.type === 'offer' || signal.type === 'answer')) {
      this.partner = this.peers.byId(Number(signal.sdp.slice(SDP_PREFIX.length)));
    }
    if ('type' in signal && signal.type === 'offer')
      queueMicrotask(() => this.emitSignal({ type: 'answer', sdp: `${SDP_PREFIX}${this.id}` }));
    this.peers.conditions.changed();
  }

  replaceVideoTrack(next: MediaStreamTrack): void {
    this.videoTracks.push(next);
  }

  send(message: PeerMessage): boolean {
    const partner = this.partner;
    if (this.destroyed || !this.connected || !partner) return false;
    // A data channel delivers asynchronously, in order.
    queueMicrotask(() => partner.receive(message));
    return true;
  }

  destroy(): void {
    this.destroyed = true;
    this.connected = false;
    this.peers.conditions.changed();
  }

  /** The connection opens: data channel up, the partner's media arriving. */
  open(): void {
    this.connected = true;
    this.options.events.onConnect();
    this.options.events.onRemoteStream(remoteStreamStandIn);
  }

  /** The connection breaks on its own (ICE failure, the other side vanished). */
  fail(): void {
    this.connected = false;
    this.options.events.onEnd('failed', 'stand-in failure');
  }

  /** Signals as a real peer trickles ICE candidates: `count` of them at once. */
  emitCandidates(count: number): void {
    for (let index = 0; index < count; index += 1) {
      this.emitSignal({ type: 'candidate', candidate: { candidate: `candidate:${index} 1 udp 1 127.0.0.1 9 typ host`, sdpMid: '0' } });
    }
  }

  private receive(message: PeerMessage): void {
    if (!this.destroyed) this.options.events.onMessage(message);
  }

  private emitSignal(signal: PeerSignal): void {
    if (!this.destroyed) this.options.events.onSignal(signal);
  }
}

/** Every stand-in peer the controllers of one test created, in order. */
export class StandInPeers {
  readonly all: StandInPeer[] = [];

  constructor(readonly conditions: Conditions) {}

  /** The `createPeer` seam for one person's controller. */
  factoryFor(owner: string): PeerFactory {
    return (options) => {
      const peer = new StandInPeer(this.all.length, owner, options, this);
      this.all.push(peer);
      this.conditions.changed();
      return peer;
    };
  }

  of(owner: string): StandInPeer[] {
    return this.all.filter((peer) => peer.owner === owner);
  }

  byId(id: number): StandInPeer | null {
    return this.all[id] ?? null;
  }
}
