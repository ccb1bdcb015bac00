/**
 * The peer connection of the current pair, or of the offer prepared while
 * waiting in the queue: creates it, routes its signals through the server,
 * forwards what it receives, and tears it down when the partner changes.
 */
import { MAX_PREPARED_SIGNALS, type ClientMessage, type IceServer, type PeerSignal } from '../../../shared/wire-protocol';
import type { CallControllerOutput, CallTimings, PartnerMessage, PeerFactory } from './call-controller-parts';
import { markCall } from './call-marks';
import type { PeerLink } from './peer-link';
import { RoundTripMeter } from './round-trip-meter';

export interface PeerSessionOptions {
  createPeer: PeerFactory;
  timings: CallTimings;
  output: CallControllerOutput;
  /** The ICE servers of the server's latest welcome. */
  iceServers(): IceServer[];
  sendToServer(message: ClientMessage): void;
  /** The peer connection died and the server said nothing of the partner within the grace period. */
  onPeerFailed(pairId: string): void;
}

export class PeerSession {
  private peer: PeerLink | null = null;
  /** The pair the current peer belongs to; null while a prepared offer waits for a partner. */
  private pairId: string | null = null;
  /** The peer is an offer prepared during this wait in the queue, not yet given to a pair. */
  private preparedTicket: string | null = null;
  private preparedSignalsSent = 0;
  /** Signals of the prepared offer beyond what the server keeps: sent once paired. */
  private unsentSignals: PeerSignal[] = [];
  private readonly roundTrip: RoundTripMeter;

  constructor(private readonly options: PeerSessionOptions) {
    this.roundTrip = new RoundTripMeter(
      (message) => this.peer?.send(message) ?? false,
      (ms) => options.output.setRoundTripMs(ms),
      options.timings.pingIntervalMs,
    );
  }

  /** The pair we are in (or whose peer just died, until the server or the grace period settles it). */
  get currentPairId(): string | null {
    return this.pairId;
  }

  /**
   * Whoever waits in the queue will make the offer when a partner arrives,
   * so it prepares its peer connection and offer while it waits, and the
   * server keeps the offer's signals: the partner gets them right after the
   * news of the pairing, with no round trip through us. (Preparing the
   * answering side too was measured: no gain.)
   */
  prepareOffer(ticket: string, localStream: MediaStream): void {
    if (this.pairId !== null || this.preparedTicket === ticket) return;
    this.end();
    this.preparedTicket = ticket;
    this.peer = this.createPeer(true, localStream);
  }

  beginPair(pairId: string, initiator: boolean, localStream: MediaStream): void {
    const usePrepared = initiator && this.peer !== null && this.pairId === null && this.preparedTicket !== null;
    if (!usePrepared) this.end();
    this.preparedTicket = null;
    this.pairId = pairId;
    markCall('matched', pairId);
    if (usePrepared) {
      for (const data of this.unsentSignals.splice(0)) this.sendSignal(pairId, data);
    } else {
      this.peer = this.createPeer(initiator, localStream);
    }
  }

  /** A signal the partner sent through the server; late ones for an earlier pair are dropped. */
  signal(pairId: string, data: PeerSignal): void {
    if (pairId === this.pairId) this.peer?.signal(data);
  }

  replaceVideoTrack(track: MediaStreamTrack): void {
    this.peer?.replaceVideoTrack(track);
  }

  /** False when there is no open call to send on. */
  send(message: PartnerMessage): boolean {
    return this.pairId !== null && this.peer !== null && this.peer.send(message);
  }

  /** Ends the peer connection and whatever the screen showed of it. */
  end(): void {
    this.roundTrip.stop();
    this.peer?.destroy();
    this.peer = null;
    this.pairId = null;
    this.preparedTicket = null;
    this.preparedSignalsSent = 0;
    this.unsentSignals = [];
    const { output } = this.options;
    output.setRemoteStream(null);
    output.setRoundTripMs(null);
    output.setChannelOpen(false);
  }

  /** A signal of the prepared offer, before anyone is paired with us: the server keeps it for the partner. */
  private sendPreparedSignal(data: PeerSignal): void {
    if (this.preparedTicket === null) return;
    if (this.preparedSignalsSent >= MAX_PREPARED_SIGNALS) {
      this.unsentSignals.push(data);
      return;
    }
    this.preparedSignalsSent += 1;
    this.options.sendToServer({ type: 'prepared-signal', ticket: this.preparedTicket, data });
  }

  private sendSignal(pairId: string, data: PeerSignal): void {
    if ('type' in data && (data.type === 'offer' || data.type === 'answer')) {
      markCall(data.type === 'offer' ? 'offer-sent' : 'answer-sent', pairId);
    }
    this.options.sendToServer({ type: 'signal', pairId, data });
  }

  /** Its events count only while it is the current peer: a replaced one may still be closing. */
  private createPeer(initiator: boolean, localStream: MediaStream): PeerLink {
    const { output } = this.options;
    const link: PeerLink = this.options.createPeer({
      initiator,
      localStream,
      iceServers: this.options.iceServers(),
      events: {
        onSignal: (data) => {
          if (this.peer !== link) return;
          if (this.pairId !== null) this.sendSignal(this.pairId, data);
          else this.sendPreparedSignal(data);
        },
        onRemoteStream: (stream) => {
          if (this.peer !== link || this.pairId === null) return;
          markCall('remote-stream', this.pairId);
          output.setRemoteStream(stream);
          output.dispatch({ type: 'remote-media', pairId: this.pairId });
        },
        onConnect: () => {
          if (this.peer !== link) return;
          markCall('peer-connected', this.pairId ?? undefined);
          output.setChannelOpen(true);
          this.roundTrip.start();
        },
        onMessage: (message) => {
          if (this.peer !== link) return;
          if (message.type === 'ping') link.send({ type: 'pong', id: message.id });
          else if (message.type === 'pong') this.roundTrip.onPong(message.id);
          else output.onPeerMessage(message);
        },
        onEnd: () => {
          if (this.peer !== link) return;
          this.onPeerEnded();
        },
      },
    });
    return link;
  }

  /**
   * The connection died on its own. Usually the server's "partner-left" is on
   * its way, so the pair is kept to match it; if it does not come within the
   * grace period, we move on ourselves.
   */
  private onPeerEnded(): void {
    const pairId = this.pairId;
    this.end();
    if (pairId === null) return;
    this.pairId = pairId;
    setTimeout(() => {
      if (this.pairId !== pairId || this.peer !== null) return;
      this.pairId = null;
      this.options.onPeerFailed(pairId);
    }, this.options.timings.peerEndGraceMs);
  }
}
