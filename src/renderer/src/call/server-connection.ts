/**
 * The call's side of the matchmaking server: opens the socket with a fresh
 * access, reports the server's status, and reconnects with a growing delay
 * whenever the socket closes, until disposed.
 */
import type { ClientMessage, ServerMessage } from '../../../shared/wire-protocol';
import type { ServerStatus, SocketAccess } from './call-controller-parts';
import { SignalingClient } from './signaling-client';

export interface ServerConnectionEvents {
  setStatus(status: ServerStatus): void;
  onOpen(): void;
  onMessage(message: ServerMessage): void;
  /**
   * The socket closed or could not open. `firstFailure` is false for the
   * failed retries that follow, so the person is told once, not every time.
   */
  onLost(firstFailure: boolean): void;
}

export class ServerConnection {
  private signaling: SignalingClient | null = null;
  private reconnectAttempt = 0;
  private lastOpenFailed = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly socketAccess: SocketAccess,
    private readonly events: ServerConnectionEvents,
    private readonly reconnectDelaysMs: readonly number[],
  ) {}

  connect(): void {
    if (this.disposed) return;
    this.events.setStatus('connecting');
    this.socketAccess(this.lastOpenFailed).then(
      ({ url, protocols }) => this.open(url, protocols),
      () => this.onClosed(false),
    );
  }

  /** Sends when the socket is open; otherwise the message is dropped (the open handler catches up). */
  send(message: ClientMessage): void {
    this.signaling?.send(message);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.reconnectTimer);
    this.signaling?.close();
    this.signaling = null;
  }

  private open(url: string, protocols: string[]): void {
    if (this.disposed) return;
    this.signaling = new SignalingClient(url, protocols, {
      onOpen: () => {
        this.reconnectAttempt = 0;
        this.events.setStatus('online');
        this.events.onOpen();
      },
      onMessage: (message) => this.events.onMessage(message),
      onClose: (wasOpen) => this.onClosed(wasOpen),
    });
    this.signaling.connect();
  }

  private onClosed(wasOpen: boolean): void {
    this.signaling = null;
    // A socket that never opened may have been refused for its token: ask for a fresh one.
    this.lastOpenFailed = !wasOpen;
    this.events.setStatus('offline');
    this.events.onLost(wasOpen || this.reconnectAttempt === 0);
    if (this.disposed) return;
    const delays = this.reconnectDelaysMs;
    const delay = delays[Math.min(this.reconnectAttempt, delays.length - 1)];
    this.reconnectAttempt += 1;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }
}
