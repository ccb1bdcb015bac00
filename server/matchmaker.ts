/**
 * Pairs waiting clients at random and keeps track of who talks to whom.
 * Pure state: it returns the messages to send and never touches a socket,
 * so every rule here is tested without a network.
 */
import { MAX_PREPARED_SIGNALS, type PartnerLeftReason, type PeerSignal, type ServerMessage } from '../src/shared/wire-protocol';
import type { WaitingQueue } from './waiting-queue';

export interface Outgoing {
  to: string;
  message: ServerMessage;
}

interface Pairing {
  pairId: string;
  partnerId: string;
  /** The id the partner is shown for this call (never the connection id). */
  partnerAlias: string;
  /** For the side that waited: the ticket of that wait, whose prepared offer this call uses. */
  offerTicket?: string;
}

/** One client's time in the queue, and the signals of the offer it prepared meanwhile. */
interface Wait {
  ticket: string;
  signals: PeerSignal[];
}

export type MatchmakerError = 'not-in-call' | 'already-joined' | 'stale-pair' | 'too-large';

export type SignalRoute = { ok: true; to: string } | { ok: false; error: MatchmakerError };

export interface MatchmakerOptions {
  queue: WaitingQueue;
  newId: () => string;
  /** Extra pairing rule (blocks, suspensions); both directions are asked. */
  mayMeet?: (a: string, b: string) => boolean;
}

export class Matchmaker {
  private readonly pairings = new Map<string, Pairing>();
  /** Who each client last skipped or was skipped by: they are not paired again right away. */
  private readonly skippedWith = new Map<string, string>();
  private readonly waits = new Map<string, Wait>();

  constructor(private readonly options: MatchmakerOptions) {}

  isWaiting(clientId: string): boolean {
    return this.options.queue.has(clientId);
  }

  partnerOf(clientId: string): string | undefined {
    return this.pairings.get(clientId)?.partnerId;
  }

  get waitingCount(): number {
    return this.options.queue.size;
  }

  get pairCount(): number {
    return this.pairings.size / 2;
  }

  join(clientId: string): Outgoing[] | MatchmakerError {
    if (this.options.queue.has(clientId) || this.pairings.has(clientId)) return 'already-joined';
    return this.enqueue(clientId);
  }

  /** Stop searching, or end the current call: the partner is told and requeued, as after a skip. */
  leave(clientId: string): Outgoing[] {
    this.options.queue.remove(clientId);
    this.waits.delete(clientId);
    const partner = this.pairings.get(clientId)?.partnerId;
    const ended = this.endPairing(clientId, 'left');
    return [...ended, { to: clientId, message: { type: 'idle' } }, ...(partner ? this.enqueue(partner) : [])];
  }

  /** Skip: the pair ends, both are requeued, and they are not paired with each other again at once. */
  next(clientId: string): Outgoing[] | MatchmakerError {
    const pairing = this.pairings.get(clientId);
    if (!pairing) return 'not-in-call';
    this.skippedWith.set(clientId, pairing.partnerId);
    this.skippedWith.set(pairing.partnerId, clientId);
    const ended = this.endPairing(clientId, 'skipped');
    // The skipper is requeued first, so it meets whoever is already waiting.
    return [...ended, ...this.enqueue(clientId), ...this.enqueue(pairing.partnerId)];
  }

  /** The client's connection is gone; its partner is told and requeued. */
  disconnect(clientId: string): Outgoing[] {
    this.options.queue.remove(clientId);
    this.waits.delete(clientId);
    this.skippedWith.delete(clientId);
    const partner = this.pairings.get(clientId)?.partnerId;
    const ended = this.endPairing(clientId, 'disconnected');
    for (const [other, skipped] of this.skippedWith) if (skipped === clientId) this.skippedWith.delete(other);
    return partner ? [...ended, ...this.enqueue(partner)] : ended;
  }

  /** Where a signal from this client goes: only ever to its current partner. */
  routeSignal(clientId: string, pairId: string): SignalRoute {
    const pairing = this.pairings.get(clientId);
    if (!pairing) return { ok: false, error: 'not-in-call' };
    if (pairing.pairId !== pairId) return { ok: false, error: 'stale-pair' };
    return { ok: true, to: pairing.partnerId };
  }

  /**
   * A signal of the offer the client prepared while waiting: kept for its
   * future partner, or, if the pairing has just happened, passed on.
   * Anything for another wait (an earlier search) is stale.
   */
  addPreparedSignal(clientId: string, ticket: string, data: PeerSignal): Outgoing[] | MatchmakerError {
    const wait = this.waits.get(clientId);
    if (wait) {
      if (wait.ticket !== ticket) return 'stale-pair';
      if (wait.signals.length >= MAX_PREPARED_SIGNALS) return 'too-large';
      wait.signals.push(data);
      return [];
    }
    const pairing = this.pairings.get(clientId);
    if (!pairing || pairing.offerTicket !== ticket) return 'stale-pair';
    return [{ to: pairing.partnerId, message: { type: 'signal', pairId: pairing.pairId, data } }];
  }

  private mayPair(a: string, b: string): boolean {
    if (a === b) return false;
    if (this.skippedWith.get(a) === b || this.skippedWith.get(b) === a) return false;
    return this.options.mayMeet ? this.options.mayMeet(a, b) && this.options.mayMeet(b, a) : true;
  }

  private enqueue(clientId: string): Outgoing[] {
    const partnerId = this.options.queue.takeRandom((candidate) => this.mayPair(clientId, candidate));
    if (partnerId === undefined) {
      const ticket = this.options.newId();
      this.options.queue.add(clientId);
      this.waits.set(clientId, { ticket, signals: [] });
      return [{ to: clientId, message: { type: 'queued', ticket } }];
    }
    const wait = this.waits.get(partnerId);
    this.waits.delete(partnerId);
    const pairId = this.options.newId();
    const clientAlias = this.options.newId();
    const partnerAlias = this.options.newId();
    this.pairings.set(clientId, { pairId, partnerId, partnerAlias });
    this.pairings.set(partnerId, { pairId, partnerId: clientId, partnerAlias: clientAlias, ...(wait && { offerTicket: wait.ticket }) });
    this.skippedWith.delete(clientId);
    this.skippedWith.delete(partnerId);
    return [
      // The one who waited has its camera warm and its offer ready: it is the one that offers.
      { to: partnerId, message: { type: 'matched', pairId, initiator: true, partnerId: clientAlias } },
      { to: clientId, message: { type: 'matched', pairId, initiator: false, partnerId: partnerAlias } },
      // Separate from "matched", which is small and arrives first: the partner sets up its
      // connection while the offer is still being read (one large frame measured ~10 ms slower).
      ...(wait?.signals ?? []).map((data): Outgoing => ({ to: clientId, message: { type: 'signal', pairId, data } })),
    ];
  }

  private endPairing(clientId: string, reason: PartnerLeftReason): Outgoing[] {
    const pairing = this.pairings.get(clientId);
    if (!pairing) return [];
    this.pairings.delete(clientId);
    this.pairings.delete(pairing.partnerId);
    return [{ to: pairing.partnerId, message: { type: 'partner-left', pairId: pairing.pairId, reason } }];
  }
}
