/**
 * Waits for the call mark a benchmark needs, inside the page: one call that
 * a PerformanceObserver resolves, so the wait itself puts no polling load on
 * the pages being measured.
 */
import type { MarkedClient } from './marked-client';

/** How long a mark may take; a benchmark let through on a busy machine waits longer (see load-gate.ts). */
export const markWait = { timeoutMs: 15_000 };

interface MarkQuery {
  name: string;
  pairId?: string;
  /** Only marks at or after this time (ms since the epoch). */
  after?: number;
}

/** The first matching mark, as { at (ms since the epoch), pairId }. */
async function waitForMark(client: MarkedClient, query: MarkQuery): Promise<{ at: number; pairId?: string }> {
  const found = await client.page.evaluate(
    ({ name, pairId, after, timeoutMs }) =>
      new Promise<{ at: number; pairId?: string } | null>((resolve) => {
        const matching = (entries: PerformanceEntryList) => {
          for (const entry of entries) {
            if (entry.name !== `camparty:${name}`) continue;
            const at = performance.timeOrigin + entry.startTime;
            const markPair = ((entry as PerformanceMark).detail as { pairId?: string } | null)?.pairId;
            if (pairId !== undefined && markPair !== pairId) continue;
            if (after !== undefined && at < after) continue;
            return { at, ...(markPair ? { pairId: markPair } : {}) };
          }
          return null;
        };
        const observer = new PerformanceObserver((list) => {
          const hit = matching(list.getEntries());
          if (!hit) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(hit);
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, timeoutMs);
        const already = matching(performance.getEntriesByName(`camparty:${name}`));
        if (already) {
          clearTimeout(timer);
          return resolve(already);
        }
        observer.observe({ type: 'mark' });
      }),
    { ...query, timeoutMs: markWait.timeoutMs },
  );
  if (!found)
    throw new Error(`${client.name}: no ${query.name}${query.pairId ? ` for pair ${query.pairId}` : ''} (phase ${await client.phase()})`);
  return found;
}

/** When `name` was marked for this pair (ms since the epoch). */
export async function markFor(client: MarkedClient, name: string, pairId: string): Promise<number> {
  return (await waitForMark(client, { name, pairId })).at;
}

/** The pair the client was matched into at or after `after`. */
export async function pairMatchedAfter(client: MarkedClient, after: number): Promise<string> {
  const matched = await waitForMark(client, { name: 'matched', after });
  if (!matched.pairId) throw new Error(`${client.name}: a matched mark without a pair`);
  return matched.pairId;
}
