/**
 * The address the app knows the server by, in front of the real server: it
 * forwards every HTTP request and socket upgrade until a test breaks it.
 * Broken, it either answers 500 to every request (a failing backend behind
 * a proxy) or stops listening and drops its HTTP connections (the server
 * went away). Matchmaking sockets already open stay open either way, so two
 * people keep the call they are in while the server's HTTP side fails under
 * them: that is when Report and Block reach the server.
 */
import http, { type IncomingMessage } from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

export type FrontState = 'forwarding' | 'answering 500' | 'stopped';

export interface ServerFront {
  /** The socket URL the app is given (its HTTP APIs live at the same address). */
  url: string;
  state(): FrontState;
  /** From now on every HTTP request and socket upgrade is answered 500. */
  answer500(): void;
  /** Stops listening and drops every HTTP connection, including kept-alive ones: the next request is refused. */
  stop(): void;
  close(): Promise<void>;
}

const FAILURE_PAGE = '<html><body><h1>500 Internal Server Error</h1></body></html>';

/** The request line and headers as they came, to replay them to the real server. */
function rawHead(request: IncomingMessage): string {
  const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    lines.push(`${request.rawHeaders[index]}: ${request.rawHeaders[index + 1]}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export async function startServerFront(targetUrl: string): Promise<ServerFront> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port);
  let state: FrontState = 'forwarding';
  const httpSockets = new Set<Socket>();
  const allSockets = new Set<Socket>();

  const server = http.createServer((request, response) => {
    if (state !== 'forwarding') {
      response.writeHead(500, { 'Content-Type': 'text/html' }).end(FAILURE_PAGE);
      return;
    }
    const upstream = http.request(
      { host: target.hostname, port: targetPort, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connection', (socket) => {
    httpSockets.add(socket);
    allSockets.add(socket);
    socket.on('close', () => {
      httpSockets.delete(socket);
      allSockets.delete(socket);
    });
  });
  server.on('upgrade', (request, socket: Socket, head: Buffer) => {
    // An upgraded socket is the matchmaking connection: no longer an HTTP connection to drop.
    httpSockets.delete(socket);
    if (state !== 'forwarding') {
      socket.end(
        `HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: ${FAILURE_PAGE.length}\r\n\r\n${FAILURE_PAGE}`,
      );
      return;
    }
    const upstream = net.connect(targetPort, target.hostname, () => {
      upstream.write(rawHead(request));
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    socket.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const closed = new Promise<void>((resolve) => server.on('close', resolve));
  // New connections are refused at once; 'close' comes only when the open sockets are gone too.
  const stopListening = (): void => {
    if (server.listening) server.close();
    for (const socket of httpSockets) socket.destroy();
  };
  return {
    url: `ws://127.0.0.1:${port}`,
    state: () => state,
    answer500: () => {
      state = 'answering 500';
      // Kept-alive connections would otherwise still carry a request already on its way.
      for (const socket of httpSockets) socket.destroy();
    },
    stop: () => {
      state = 'stopped';
      stopListening();
    },
    close: async () => {
      stopListening();
      for (const socket of allSockets) socket.destroy();
      await closed;
    },
  };
}
