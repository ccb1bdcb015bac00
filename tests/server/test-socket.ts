/**
 * A raw WebSocket client for server tests: sends anything, waits for typed
 * replies. Waits end with the message or with the socket closing, never
 * after a fixed time (the test runner's own timeout catches a hang).
 */
import WebSocket from 'ws';
import { socketProtocolsFor } from '../../src/shared/accounts-api';
import type { ServerMessage, ServerMessageOf } from '../../src/shared/wire-protocol';

export class TestSocket {
  readonly received: ServerMessage[] = [];
  private waiters: Array<() => void> = [];
  private closed = false;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as ServerMessage);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static async connect(url: string, options: WebSocket.ClientOptions = {}, protocols: string[] = []): Promise<TestSocket> {
    const socket = new WebSocket(url, protocols, options);
    const client = new TestSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    await client.nextOf('welcome');
    return client;
  }

  /** Signs a new person up over the server's HTTP API and opens their socket with the access token. */
  static async signedIn(
    server: { url: string; httpUrl: string },
    username: string,
    options: WebSocket.ClientOptions = {},
  ): Promise<TestSocket & { accessToken: string; accountId: string }> {
    const response = await fetch(`${server.httpUrl}/api/accounts/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: `${username}@example.org`, password: 'a long enough password', username }),
    });
    if (response.status !== 201) throw new Error(`sign-up of ${username} failed: ${await response.text()}`);
    const { accessToken, account } = (await response.json()) as { accessToken: string; account: { id: string } };
    const socket = await TestSocket.connect(server.url, options, socketProtocolsFor(accessToken));
    return Object.assign(socket, { accessToken, accountId: account.id });
  }

  send(value: unknown): void {
    this.socket.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** Waits for (and consumes) the first not-yet-consumed message of this type. */
  async nextOf<T extends ServerMessage['type']>(type: T): Promise<ServerMessageOf<T>> {
    for (;;) {
      const index = this.received.findIndex((message) => message.type === type);
      if (index >= 0) return this.received.splice(index, 1)[0] as ServerMessageOf<T>;
      if (this.closed) throw new Error(`The socket closed before a "${type}"; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /**
   * Sends a message the server can only refuse and waits for the refusal:
   * once it is here, the server has handled everything this socket sent
   * before, and sent everything that caused.
   */
  async roundTrip(): Promise<void> {
    this.send({ type: 'signal', pairId: 'round-trip', data: { type: 'offer', sdp: 'v=0\r\n' } });
    await this.nextOf('error');
  }

  close(): void {
    this.socket.close();
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
