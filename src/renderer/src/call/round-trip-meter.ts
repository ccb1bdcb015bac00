/** Measures the round trip to the partner over the data channel: a ping every few seconds, timed to its pong. */
import type { PeerMessage } from '../../../shared/peer-messages';

export class RoundTripMeter {
  private timer: ReturnType<typeof setInterval> | undefined;
  private inFlight = new Map<number, number>();
  private nextId = 0;

  constructor(
    /** Sends to the current partner; false when the channel is not open. */
    private readonly send: (message: PeerMessage) => boolean,
    private readonly report: (ms: number) => void,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    clearInterval(this.timer);
    const ping = (): void => {
      const id = this.nextId++;
      if (this.send({ type: 'ping', id })) this.inFlight.set(id, performance.now());
    };
    ping();
    this.timer = setInterval(ping, this.intervalMs);
  }

  onPong(id: number): void {
    const sentAt = this.inFlight.get(id);
    if (sentAt === undefined) return;
    this.inFlight.delete(id);
    this.report(Math.round(performance.now() - sentAt));
  }

  stop(): void {
    clearInterval(this.timer);
    this.inFlight.clear();
  }
}
