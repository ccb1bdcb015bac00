/**
 * The pairs a batch of matchmaker output forms, as PairHistory records: each
 * side of a pair receives a "matched" message carrying the alias it is shown
 * for its partner, so the alias of one side is read from the other side's
 * message. Clients without an account (a server run without accounts) are
 * not recorded.
 */
import type { Outgoing } from '../matchmaker';
import type { PairRecord } from './pair-history';

export function formedPairs(
  outgoing: readonly Outgoing[],
  accountOf: (clientId: string) => string | null,
  startedAt: number,
): PairRecord[] {
  /** pairId → each side's client id and the alias that side sees for its partner. */
  const halves = new Map<string, { clientId: string; partnerAlias: string }[]>();
  for (const { to, message } of outgoing) {
    if (message.type !== 'matched') continue;
    const list = halves.get(message.pairId) ?? [];
    list.push({ clientId: to, partnerAlias: message.partnerId });
    halves.set(message.pairId, list);
  }
  const pairs: PairRecord[] = [];
  for (const [pairId, list] of halves) {
    if (list.length !== 2) continue;
    const [a, b] = list as [(typeof list)[0], (typeof list)[0]];
    const accountA = accountOf(a.clientId);
    const accountB = accountOf(b.clientId);
    if (accountA === null || accountB === null) continue;
    pairs.push({
      pairId,
      startedAt,
      sides: [
        { accountId: accountA, alias: b.partnerAlias },
        { accountId: accountB, alias: a.partnerAlias },
      ],
    });
  }
  return pairs;
}
