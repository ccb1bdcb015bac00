/**
 * Drives one person's side of the call loop: the socket to the server, the
 * peer connection of the current pair, and the events the screen reacts to.
 * Plain TypeScript; the React hook only forwards its output into state.
 */
import { MAX_PREPARED_SIGNALS, type IceServer, type PeerSignal, type ServerMessage } from '../../../shared/wire-protocol';
import type { CallEvent } from './call-machine';
import { markCall } from './call-marks';
import { createPeerLink, type PeerLink } from './peer-link';
import type { PeerMessage } from '../../../shared/peer-messages';
import { SignalingClient } from './signaling-client';

export type ServerStatus = 'connecting' | 'online' | 'offline';

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
  onPeerMessage(message: Exclude<PeerMessage, { type: 'ping' | 'pong' }>): void;
}

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];
const PING_INTERVAL_MS = 2000;
/** How long a dead peer connection waits for the server's word before we move on ourselves. */
const PEER_END_GRACE_MS = 1000;

export class CallController {
  private signaling: SignalingClient | null = null;
  private peer: PeerLink | null = null;
  /** The pair the current peer belongs to; null while a prepared offer waits for a partner. */
  private pairId: string | null = null;
  /** The peer is an offer prepared during this wait in the queue, not yet given to a pair. */
  private preparedTicket: string | null = null;
  private preparedSignalsSent = 0;
  /** Signals of the prepared offer beyond what the server keeps: sent once paired. */
  private unsentSignals: PeerSignal[] = [];

  private iceServers: IceServer[] = [];
  private wantsToSearch = false;
  private reconnectAttempt = 0;
  private lastOpenFailed = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pingsInFlight = new Map<number, number>();
  private nextPingId = 0;
  private disposed = false;

  constructor(
    private readonly socketAccess: SocketAccess,
    private readonly getLocalStream: () => MediaStream | null,
    private readonly output: CallControllerOutput,
  ) {}

  connect(): void {
    if (this.disposed) return;
    this.output.setServerStatus('connecting');
    this.socketAccess(this.lastOpenFailed).then(
      ({ url, protocols }) => this.open(url, protocols),
      () => this.onServerLost(false),
    );
  }

  private open(url: string, protocols: string[]): void {
    if (this.disposed) return;
    this.signaling = new SignalingClient(url, protocols, {
      onOpen: () => {
        this.reconnectAttempt = 0;
        this.output.setServerStatus('online');
        this.output.dispatch({ type: 'server-restored' });
        if (this.wantsToSearch) this.signaling?.send({ type: 'join' });
      },
      onMessage: (message) => this.onServerMessage(message),
      onClose: (wasOpen) => this.onServerLost(wasOpen),
    });
    this.signaling.connect();
  }

  start(): void {
    this.wantsToSearch = true;
    markCall('join');
    this.output.dispatch({ type: 'start' });
    this.signaling?.send({ type: 'join' });
  }

  cancel(): void {
    this.leave({ type: 'cancel' });
  }

  stop(): void {
    this.leave({ type: 'stop' });
  }

  next(): void {
    if (!this.pairId) return;
    markCall('next');
    // Tell the server first: everything else here can happen while its answer is on the way.
    this.signaling?.send({ type: 'next' });
    this.endPeer();
    this.output.dispatch({ type: 'next' });
  }

  /** The outgoing video changed (an effect on or off): the partner gets the new track at once. */
  setOutgoingVideo(track: MediaStreamTrack): void {
    this.peer?.replaceVideoTrack(track);
  }

  /** Sends a message to the current partner over the data channel; false when there is no open call. */
  sendToPartner(message: Exclude<PeerMessage, { type: 'ping' | 'pong' }>): boolean {
    return this.pairId !== null && this.peer !== null && this.peer.send(message);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.reconnectTimer);
    this.endPeer();
    this.signaling?.close();
    this.signaling = null;
  }

  private leave(event: CallEvent): void {
    this.wantsToSearch = false;
    this.endPeer();
    this.signaling?.send({ type: 'leave' });
    this.output.dispatch(event);
  }

  private onServerLost(wasOpen: boolean): void {
    this.signaling = null;
    this.lastOpenFailed = !wasOpen;
    this.output.setServerStatus('offline');
    this.endPeer();
    if (this.disposed) return;
    // Whatever was going on ended with the connection; the person starts again from the lobby.
    this.wantsToSearch = false;
    // Say it once; failed retries must not replace the message about the call that ended.
    if (wasOpen || this.reconnectAttempt === 0) this.output.dispatch({ type: 'server-lost' });
    const delay = RECONNECT_DELAYS_MS[Math.min(this.reconnectAttempt, RECONNECT_DELAYS_MS.length - 1)];
    this.reconnectAttempt += 1;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private onServerMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome':
        this.iceServers = message.iceServers;
        return;
      case 'queued':
        this.prepareOffer(message.ticket);
        return;
      case 'idle':
        return;
      case 'matched':
        this.beginPair(message.pairId, message.partnerId, message.initiator);
        return;
      case 'signal':
        if (message.pairId === this.pairId) this.peer?.signal(message.data);
        return;
      case 'partner-left':
        if (message.pairId !== this.pairId) return;
        this.endPeer();
        this.output.dispatch({ type: 'partner-left', pairId: message.pairId, reason: message.reason });
        return;
      case 'restricted':
        // Suspended or banned: no searching, and the person is told why and until when.
        this.wantsToSearch = false;
        this.endPeer();
        this.output.dispatch({ type: 'stop' });
        this.output.dispatch({ type: 'notice', notice: { tone: 'error', text: message.message } });
        return;
      case 'error':
        // Races at the end of a call (a late signal, a skip that crossed the partner's) are expected.
        if (message.code === 'stale-pair' || message.code === 'not-in-call' || message.code === 'already-joined') return;
        this.output.dispatch({ type: 'server-error', text: message.message });
        return;
    }
  }

  /**
   * Whoever waits in the queue will make the offer when a partner arrives,
   * so it prepares its peer connection and offer while it waits, and the
   * server keeps the offer's signals: the partner gets them right after the
   * news of the pairing, with no round trip through us. (Preparing the
   * answering side too was measured: no gain.)
   */
  private prepareOffer(ticket: string): void {
    if (!this.wantsToSearch || this.pairId !== null || this.preparedTicket === ticket) return;
    const localStream = this.getLocalStream();
    if (!localStream) return;
    this.endPeer();
    this.preparedTicket = ticket;
    this.peer = this.createPeer(true, localStream);
  }

  private beginPair(pairId: string, partnerId: string, initiator: boolean): void {
    const localStream = this.getLocalStream();
    if (!localStream) {
      this.endPeer();
      this.signaling?.send({ type: 'leave' });
      this.output.dispatch({ type: 'stop' });
      return;
    }
    const usePrepared = initiator && this.peer !== null && this.pairId === null && this.preparedTicket !== null;
    if (!usePrepared) this.endPeer();
    this.preparedTicket = null;
    this.pairId = pairId;
    markCall('matched', pairId);
    if (usePrepared) {
      for (const data of this.unsentSignals.splice(0)) this.sendSignal(pairId, data);
    } else {
      this.peer = this.createPeer(initiator, localStream);
    }
    this.output.dispatch({ type: 'matched', pairId, partnerId, at: Date.now() });
  }

  /** A signal of the prepared offer, before anyone is paired with us: the server keeps it for the partner. */
  private sendPreparedSignal(data: PeerSignal): void {
    if (this.preparedTicket === null) return;
    if (this.preparedSignalsSent >= MAX_PREPARED_SIGNALS) {
      this.unsentSignals.push(data);
      return;
    }
    this.preparedSignalsSent += 1;
    this.signaling?.send({ type: 'prepared-signal', ticket: this.preparedTicket, data });
  }

  private sendSignal(pairId: string, data: PeerSignal): void {
    if ('type' in data && (data.type === 'offer' || data.type === 'answer')) {
      markCall(data.type === 'offer' ? 'offer-sent' : 'answer-sent', pairId);
    }
    this.signaling?.send({ type: 'signal', pairId, data });
  }

  private createPeer(initiator: boolean, localStream: MediaStream): PeerLink {
    const link: PeerLink = createPeerLink({
      initiator,
      localStream,
      iceServers: this.iceServers,
      events: {
        onSignal: (data) => {
          if (this.peer !== link) return;
          if (this.pairId !== null) this.sendSignal(this.pairId, data);
          else this.sendPreparedSignal(data);
        },
        onRemoteStream: (stream) => {
          if (this.peer !== link || this.pairId === null) return;
          markCall('remote-stream', this.pairId);
          this.output.setRemoteStream(stream);
          this.output.dispatch({ type: 'remote-media', pairId: this.pairId });
        },
        onConnect: () => {
          if (this.peer !== link) return;
          markCall('peer-connected', this.pairId ?? undefined);
          this.output.setChannelOpen(true);
          this.startPinging();
        },
        onMessage: (message) => {
          if (this.peer !== link) return;
          if (message.type === 'ping') link.send({ type: 'pong', id: message.id });
          else if (message.type === 'pong') this.onPong(message.id);
          else this.output.onPeerMessage(message);
        },
        onEnd: () => {
          if (this.peer !== link) return;
          const pairId = this.pairId;
          this.endPeer();
          if (pairId === null) return;
          this.pairId = pairId;
          // Usually the server's "partner-left" is on its way; if not, move on ourselves.
          setTimeout(() => {
            if (this.pairId !== pairId || this.peer !== null) return;
            this.pairId = null;
            this.signaling?.send({ type: 'next' });
            this.output.dispatch({ type: 'peer-failed', pairId });
          }, PEER_END_GRACE_MS);
        },
      },
    });
    return link;
  }

  private startPinging(): void {
    clearInterval(this.pingTimer);
    const ping = (): void => {
      const id = this.nextPingId++;
      if (this.peer?.send({ type: 'ping', id })) this.pingsInFlight.set(id, performance.now());
    };
    ping();
    this.pingTimer = setInterval(ping, PING_INTERVAL_MS);
  }

  private onPong(id: number): void {
    const sentAt = this.pingsInFlight.get(id);
    if (sentAt === undefined) return;
    this.pingsInFlight.delete(id);
    this.output.setRoundTripMs(Math.round(performance.now() - sentAt));
  }

  private endPeer(): void {
    clearInterval(this.pingTimer);
    this.pingsInFlight.clear();
    this.peer?.destroy();
    this.peer = null;
    this.pairId = null;
    this.preparedTicket = null;
    this.preparedSignalsSent = 0;
    this.unsentSignals = [];
    this.output.setRemoteStream(null);
    this.output.setRoundTripMs(null);
    this.output.setChannelOpen(false);
  }
}
