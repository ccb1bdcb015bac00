/**
 * The world of a call-controller test: the real server (tests/support) on
 * 127.0.0.1, people who sign up over its HTTP API and drive a real
 * CallController over a real WebSocket, and raw sockets that play a partner
 * message by message. Only the peer connection is a stand-in (see
 * stand-in-peer.ts).
 */
import WebSocket from 'ws';
import { CallController, type CallControllerOutput, type ServerStatus } from '../../../src/renderer/src/call/call-controller';
import type { CallTimings, PartnerMessage } from '../../../src/renderer/src/call/call-controller-parts';
import { callReducer, initialCallState, type CallEvent, type CallState } from '../../../src/renderer/src/call/call-machine';
import { socketProtocolsFor } from '../../../src/shared/accounts-api';
import { startTestServer, type TestServer } from '../../support/test-server';
import { TestSocket } from '../../server/test-socket';
import { Conditions } from './conditions';
import { cameraStandIn, StandInPeers, type StandInPeer } from './stand-in-peer';

/** `ws` as a browser's WebSocket: a failed connection is reported by its close event, never thrown. */
class BrowserLikeWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols);
    this.on('error', () => {});
  }
}
// The renderer's SignalingClient uses the browser's WebSocket; Node 22 has one built in, Node 20 does not.
globalThis.WebSocket ??= BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket;

/** Short, so a test that waits for a retry or a grace period is quick; tests still wait for events, never sleep. */
const TEST_TIMINGS: CallTimings = { reconnectDelaysMs: [5, 10, 20], pingIntervalMs: 50, peerEndGraceMs: 20 };

/** What the controller told the screen, run through the real reducer as the React hook does. */
export class RecordedOutput implements CallControllerOutput {
  state: CallState = initialCallState;
  readonly events: CallEvent[] = [];
  readonly statuses: ServerStatus[] = [];
  readonly roundTrips: Array<number | null> = [];
  readonly partnerMessages: PartnerMessage[] = [];
  remoteStream: MediaStream | null = null;
  channelOpen = false;

  constructor(private readonly conditions: Conditions) {}

  dispatch(event: CallEvent): void {
    this.events.push(event);
    this.state = callReducer(this.state, event);
    this.conditions.changed();
  }
  setServerStatus(status: ServerStatus): void {
    this.statuses.push(status);
    this.conditions.changed();
  }
  setRemoteStream(stream: MediaStream | null): void {
    this.remoteStream = stream;
    this.conditions.changed();
  }
  setRoundTripMs(ms: number | null): void {
    this.roundTrips.push(ms);
    this.conditions.changed();
  }
  setChannelOpen(open: boolean): void {
    this.channelOpen = open;
    this.conditions.changed();
  }
  onPeerMessage(message: PartnerMessage): void {
    this.partnerMessages.push(message);
    this.conditions.changed();
  }

  eventsOf<T extends CallEvent['type']>(type: T): Array<Extract<CallEvent, { type: T }>> {
    return this.events.filter((event): event is Extract<CallEvent, { type: T }> => event.type === type);
  }
  get serverStatus(): ServerStatus | undefined {
    return this.statuses.at(-1);
  }
}

export interface CallPerson {
  name: string;
  controller: CallController;
  output: RecordedOutput;
  /** Whether each socket access asked for a fresh token. */
  accessAsked: boolean[];
  /** What the camera gives; null as if it were unplugged. */
  camera: MediaStream | null;
  peers(): StandInPeer[];
  latestPeer(): StandInPeer;
}

export class CallWorld {
  readonly conditions = new Conditions();
  readonly peers = new StandInPeers(this.conditions);
  private readonly people: CallPerson[] = [];
  private readonly sockets: TestSocket[] = [];
  private signUps = 0;
  /** Each person's latest account (a restarted server starts with none). */
  private readonly accountIds = new Map<string, string>();

  private constructor(public server: TestServer) {}

  static async start(): Promise<CallWorld> {
    return new CallWorld(await startTestServer());
  }

  /** Waits until `predicate` holds; every output of every controller and every stand-in peer re-checks it. */
  until(predicate: () => boolean): Promise<void> {
    return this.conditions.until(predicate);
  }

  /** Someone signed up in the app, with their call controller connecting. */
  person(name: string, timings: Partial<CallTimings> = {}): CallPerson {
    const output = new RecordedOutput(this.conditions);
    const accessAsked: boolean[] = [];
    let token: string | null = null;
    const person: CallPerson = {
      name,
      output,
      accessAsked,
      camera: cameraStandIn,
      peers: () => this.peers.of(name),
      latestPeer: () => {
        const latest = this.peers.of(name).at(-1);
        if (!latest) throw new Error(`${name} has no peer connection yet`);
        return latest;
      },
      controller: new CallController(
        async (fresh) => {
          accessAsked.push(fresh);
          if (fresh || token === null) token = await this.signUp(name);
          return { url: this.server.url, protocols: socketProtocolsFor(token) };
        },
        () => person.camera,
        output,
        { createPeer: this.peers.factoryFor(name), timings: { ...TEST_TIMINGS, ...timings } },
      ),
    };
    this.people.push(person);
    person.controller.connect();
    return person;
  }

  /** A partner played by the test, one wire message at a time. */
  async rawPartner(name: string): Promise<TestSocket> {
    const socket = await TestSocket.connect(this.server.url, {}, socketProtocolsFor(await this.signUp(name)));
    this.sockets.push(socket);
    return socket;
  }

  /** Stops the server; `restart` brings a new one up on the same port, with an empty database. */
  async stopServer(): Promise<{ restart(): Promise<void> }> {
    const port = Number(new URL(this.server.url).port);
    await this.server.close();
    return {
      restart: async () => {
        this.server = await startTestServer({ port });
      },
    };
  }

  accountOf(name: string): string {
    const accountId = this.accountIds.get(name);
    if (accountId === undefined) throw new Error(`${name} has not signed up`);
    return accountId;
  }

  async close(): Promise<void> {
    for (const person of this.people) person.controller.dispose();
    for (const socket of this.sockets) socket.close();
    await this.server.close();
  }

  private async signUp(name: string): Promise<string> {
    this.signUps += 1;
    const username = `${name}${this.signUps}`;
    const response = await fetch(`${this.server.httpUrl}/api/accounts/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: `${username}@example.org`, password: 'a long enough password', username }),
    });
    if (!response.ok) throw new Error(`Sign-up of ${username} answered ${response.status}`);
    const { accessToken, account } = (await response.json()) as { accessToken: string; account: { id: string } };
    this.accountIds.set(name, account.id);
    return accessToken;
  }
}
