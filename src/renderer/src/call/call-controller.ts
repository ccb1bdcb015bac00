/**
 * Drives one person's side of the call loop: what the person asks for
 * (Start, Next, Stop), what the server says (paired, partner left, refused),
 * and how each changes the partner. The socket lives in ServerConnection,
 * the peer connection in PeerSession; this class decides between them.
 * Plain TypeScript; the React hook only forwards its output into state.
 */
import type { ErrorCode, IceServer, ServerMessage } from '../../../shared/wire-protocol';
import {
  DEFAULT_CALL_SEAMS,
  type CallControllerOutput,
  type CallControllerSeams,
  type PartnerMessage,
  type SocketAccess,
} from './call-controller-parts';
import type { CallEvent } from './call-machine';
import { markCall } from './call-marks';
import { PeerSession } from './peer-session';
import { ServerConnection } from './server-connection';

export type { CallControllerOutput, ServerStatus, SocketAccess } from './call-controller-parts';

/** Server errors that are races at the end of a call (a late signal, a skip that crossed the partner's): expected. */
const QUIET_ERRORS = new Set<ErrorCode>(['stale-pair', 'not-in-call', 'already-joined']);

export class CallController {
  private readonly server: ServerConnection;
  private readonly peer: PeerSession;
  private iceServers: IceServer[] = [];
  private wantsToSearch = false;
  private disposed = false;

  constructor(
    socketAccess: SocketAccess,
    private readonly getLocalStream: () => MediaStream | null,
    private readonly output: CallControllerOutput,
    seams: Partial<CallControllerSeams> = {},
  ) {
    const { createPeer, timings } = { ...DEFAULT_CALL_SEAMS, ...seams };
    this.server = new ServerConnection(
      socketAccess,
      {
        setStatus: (status) => output.setServerStatus(status),
        onOpen: () => this.onServerOpen(),
        onMessage: (message) => this.onServerMessage(message),
        onLost: (firstFailure) => this.onServerLost(firstFailure),
      },
      timings.reconnectDelaysMs,
    );
    this.peer = new PeerSession({
      createPeer,
      timings,
      output,
      iceServers: () => this.iceServers,
      sendToServer: (message) => this.server.send(message),
      onPeerFailed: (pairId) => {
        this.server.send({ type: 'next' });
        this.output.dispatch({ type: 'peer-failed', pairId });
      },
    });
  }

  connect(): void {
    if (!this.disposed) this.server.connect();
  }

  start(): void {
    this.wantsToSearch = true;
    markCall('join');
    this.output.dispatch({ type: 'start' });
    // Before the socket is open this goes nowhere; onServerOpen joins then.
    this.server.send({ type: 'join' });
  }

  cancel(): void {
    this.leave({ type: 'cancel' });
  }

  stop(): void {
    this.leave({ type: 'stop' });
  }

  next(): void {
    if (this.peer.currentPairId === null) return;
    markCall('next');
    // Tell the server first: everything else here can happen while its answer is on the way.
    this.server.send({ type: 'next' });
    this.peer.end();
    this.output.dispatch({ type: 'next' });
  }

  /** The outgoing video changed (an effect on or off): the partner gets the new track at once. */
  setOutgoingVideo(track: MediaStreamTrack): void {
    this.peer.replaceVideoTrack(track);
  }

  /** Sends a message to the current partner over the data channel; false when there is no open call. */
  sendToPartner(message: PartnerMessage): boolean {
    return this.peer.send(message);
  }

  dispose(): void {
    this.disposed = true;
    this.server.dispose();
    this.peer.end();
  }

  private leave(event: CallEvent): void {
    this.wantsToSearch = false;
    this.peer.end();
    this.server.send({ type: 'leave' });
    this.output.dispatch(event);
  }

  private onServerOpen(): void {
    this.output.dispatch({ type: 'server-restored' });
    if (this.wantsToSearch) this.server.send({ type: 'join' });
  }

  private onServerLost(firstFailure: boolean): void {
    this.peer.end();
    if (this.disposed) return;
    // Whatever was going on ended with the connection; the person starts again from the lobby.
    this.wantsToSearch = false;
    // Say it once; failed retries must not replace the message about the call that ended.
    if (firstFailure) this.output.dispatch({ type: 'server-lost' });
  }

  private onServerMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome':
        this.iceServers = message.iceServers;
        return;
      case 'queued': {
        const localStream = this.getLocalStream();
        if (this.wantsToSearch && localStream) this.peer.prepareOffer(message.ticket, localStream);
        return;
      }
      case 'idle':
        return;
      case 'matched':
        this.beginPair(message.pairId, message.partnerId, message.initiator);
        return;
      case 'signal':
        this.peer.signal(message.pairId, message.data);
        return;
      case 'partner-left':
        if (message.pairId !== this.peer.currentPairId) return;
        this.peer.end();
        this.output.dispatch({ type: 'partner-left', pairId: message.pairId, reason: message.reason });
        return;
      case 'restricted':
        // Suspended or banned: no searching, and the person is told why and until when.
        this.wantsToSearch = false;
        this.peer.end();
        this.output.dispatch({ type: 'stop' });
        this.output.dispatch({ type: 'notice', notice: { tone: 'error', text: message.message } });
        return;
      case 'error':
        if (QUIET_ERRORS.has(message.code)) return;
        this.output.dispatch({ type: 'server-error', text: message.message });
        return;
    }
  }

  private beginPair(pairId: string, partnerId: string, initiator: boolean): void {
    const localStream = this.getLocalStream();
    if (!localStream) {
      // No camera any more (it was unplugged or refused): leave rather than call with nothing.
      this.peer.end();
      this.server.send({ type: 'leave' });
      this.output.dispatch({ type: 'stop' });
      return;
    }
    this.peer.beginPair(pairId, initiator, localStream);
    this.output.dispatch({ type: 'matched', pairId, partnerId, at: Date.now() });
  }
}
