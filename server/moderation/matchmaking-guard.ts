/**
 * The safety rules the signaling server applies to matchmaking, in one
 * place: two clients may meet only when both are signed in to different
 * accounts, neither blocked the other and neither is suspended or banned; a
 * restricted account may not join; and every pair that forms is recorded
 * before its clients are told, so reports and blocks can name the partner.
 * Clients are the signaling server's connection ids; `accountOf` maps them.
 */
import type { AccountStandingCheck } from '../../src/shared/moderation-api';
import type { Outgoing } from '../matchmaker';
import type { AccountStanding } from './account-standing';
import type { BlockList } from './block-list';
import { formedPairs } from './formed-pairs';
import type { PairHistory } from './pair-history';

export type Restriction = Extract<AccountStandingCheck, { ok: false }>;

export interface MatchmakingGuardOptions {
  blockList: BlockList;
  standing: AccountStanding;
  pairHistory: PairHistory;
  accountOf: (clientId: string) => string | null;
  now?: () => number;
}

export interface MatchmakingGuard {
  /** For the Matchmaker's `mayMeet` option. */
  mayMeet(clientA: string, clientB: string): boolean;
  /** Null when the client may join the queue, else why not and until when. */
  joinRefusal(clientId: string): Restriction | null;
  /** Call with each batch of matchmaker output before delivering it. */
  recordFormedPairs(outgoing: readonly Outgoing[]): void;
}

export function createMatchmakingGuard(options: MatchmakingGuardOptions): MatchmakingGuard {
  const now = options.now ?? Date.now;
  return {
    mayMeet(clientA, clientB) {
      const a = options.accountOf(clientA);
      const b = options.accountOf(clientB);
      // Without accounts (a server run for signaling tests) there is nothing to check.
      if (a === null && b === null) return true;
      if (a === null || b === null || a === b) return false;
      if (options.blockList.eitherBlocked(a, b)) return false;
      // Also here, not only at join: an account restricted while it waits must not be paired.
      return options.standing.check(a).ok && options.standing.check(b).ok;
    },
    joinRefusal(clientId) {
      const accountId = options.accountOf(clientId);
      if (accountId === null) return null;
      const standing = options.standing.check(accountId);
      return standing.ok ? null : standing;
    },
    recordFormedPairs(outgoing) {
      for (const pair of formedPairs(outgoing, options.accountOf, now())) options.pairHistory.record(pair);
    },
  };
}
