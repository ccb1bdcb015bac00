/**
 * The server's own record of who was paired with whom, so a report or a
 * block names the partner from the pair id alone: the client never says who
 * the stranger was. The matchmaker records each pair as it forms; a report
 * filed as the call ends, or after a restart of the server, still finds it.
 */

export interface PairSide {
  accountId: string;
  /** The anonymous id the other side was shown for this call. */
  alias: string;
}

export interface PairRecord {
  pairId: string;
  startedAt: number;
  sides: readonly [PairSide, PairSide];
}

/** A pair as one of its two sides sees it. */
export interface PairLookup {
  reportedAccountId: string;
  reporterAlias: string;
  reportedAlias: string;
  startedAt: number;
}

/** Pairs are kept this long: long enough to report a call a few days later. */
export const PAIR_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export interface PairHistory {
  /**
   * Records a pair as it forms. Synchronous and cheap, because it runs in the
   * matchmaker's path before the clients are told they are matched: the pair
   * is visible to `lookup` at once and written to the database right after
   * (see `flush`). Recording the same pair twice changes nothing.
   */
  record(pair: PairRecord): void;
  /** Writes the pairs recorded so far to the database; call before closing it. */
  flush(): void;
  /** The pair as `accountId` saw it, or null when it was not one of its sides (or the pair is older than the retention). */
  lookup(pairId: string, accountId: string): Promise<PairLookup | null>;
  /** Drops pairs older than the retention; returns how many sides it dropped. */
  purgeExpired(): Promise<number>;
}
