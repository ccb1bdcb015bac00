/** A raw WebSocket client for server tests: sends anything, waits for typed replies. */
import WebSocket from 'ws';
import type { ServerMessage, ServerMessageOf } from '../../src/shared/wire-protocol';

export class TestSocket {
  readonly received: ServerMessage[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
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

  send(value: unknown): void {
    this.socket.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** Waits for (and consumes) the first not-yet-consumed message of this type. */
  async nextOf<T extends ServerMessage['type']>(type: T, timeoutMs = 3000): Promise<ServerMessageOf<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex((message) => message.type === type);
      if (index >= 0) return this.received.splice(index, 1)[0] as ServerMessageOf<T>;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No "${type}" within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
