/** Polls a page's call marks until the one a benchmark waits for appears. */
import { readCallMarks, type CallClient } from '../tests/e2e/harness/call-client';

const POLL_MS = 10;
const TIMEOUT_MS = 15_000;

/** When `name` was marked for this pair (ms since the epoch). */
export async function markFor(client: CallClient, name: string, pairId: string): Promise<number> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const found = (await readCallMarks(client, name)).find((mark) => mark.pairId === pairId);
    if (found) return found.at;
    if (Date.now() > deadline) throw new Error(`${client.name}: no ${name} for pair ${pairId}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The pair the client was matched into at or after `after`. */
export async function pairMatchedAfter(client: CallClient, after: number): Promise<string> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const matched = (await readCallMarks(client, 'matched')).find((mark) => mark.at >= after);
    if (matched?.pairId) return matched.pairId;
    if (Date.now() > deadline) throw new Error(`${client.name}: not matched after ${after} (phase ${await client.phase()})`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
