/**
 * The renderer's socket to the matchmaking server: validates every frame in
 * both directions against the shared wire protocol.
 */
import {
  clientMessageSchema,
  parseFrame,
  serverMessageSchema,
  type ClientMessage,
  type ServerMessage,
} from '../../../shared/wire-protocol';

export interface SignalingEvents {
  onOpen(): void;
  onMessage(message: ServerMessage): void;
  /** The socket closed; `wasOpen` is false when it never connected. */
  onClose(wasOpen: boolean): void;
}

export class SignalingClient {
  private socket: WebSocket | null = null;
  private opened = false;

  constructor(
    private readonly url: string,
    /** WebSocket subprotocols: the protocol version and the access token (see accounts-api.ts). */
    private readonly protocols: string[],
    private readonly events: SignalingEvents,
  ) {}

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  connect(): void {
    const socket = new WebSocket(this.url, this.protocols);
    this.socket = socket;
    this.opened = false;
    socket.onopen = () => {
      this.opened = true;
      this.events.onOpen();
    };
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== 'string') return;
      const parsed = parseFrame(serverMessageSchema, event.data);
      if (!parsed.ok) {
        console.warn(`Ignored a server message: ${parsed.message}`);
        return;
      }
      this.events.onMessage(parsed.value);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.events.onClose(this.opened);
    };
  }

  send(message: ClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(clientMessageSchema.parse(message)));
    return true;
  }

  close(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }
}
