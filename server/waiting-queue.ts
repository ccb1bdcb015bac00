/**
 * The clients waiting for a partner. Behind an interface so several server
 * processes can later share one queue (e.g. in Redis).
 */
export interface WaitingQueue {
  add(clientId: string): void;
  remove(clientId: string): boolean;
  has(clientId: string): boolean;
  readonly size: number;
  /** Removes and returns a random waiting client that `canPair` accepts. */
  takeRandom(canPair: (candidateId: string) => boolean): string | undefined;
}

export class InMemoryWaitingQueue implements WaitingQueue {
  // Insertion-ordered, so the scan is stable and the random pick is the only source of chance.
  private readonly waiting = new Set<string>();

  constructor(private readonly random: () => number = Math.random) {}

  add(clientId: string): void {
    this.waiting.add(clientId);
  }

  remove(clientId: string): boolean {
    return this.waiting.delete(clientId);
  }

  has(clientId: string): boolean {
    return this.waiting.has(clientId);
  }

  get size(): number {
    return this.waiting.size;
  }

  takeRandom(canPair: (candidateId: string) => boolean): string | undefined {
    const eligible = [...this.waiting].filter(canPair);
    if (eligible.length === 0) return undefined;
    const chosen = eligible[Math.floor(this.random() * eligible.length)] ?? eligible[0]!;
    this.waiting.delete(chosen);
    return chosen;
  }
}
