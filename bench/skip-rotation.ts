/**
 * Skips round after round among three people, one always waiting. The one
 * who just arrived from the queue skips next, so the one waiting may meet it
 * (a skipped person is not paired with the one who skipped it until it has
 * met someone else).
 */
import { readCallMarks, type CallClient } from '../tests/e2e/harness/call-client';
import { pairMatchedAfter } from './wait-for-marks';

export interface SkipRound {
  skipper: CallClient;
  /** The one who was waiting and is now the skipper's new partner. */
  newPartner: CallClient;
  /** When the skipper pressed Skip (ms since the epoch). */
  nextAt: number;
  pairId: string;
}

/** `a` and `b` in a call, `c` waiting; `skip` presses Skip, `measure` reads each round. */
export async function rotateSkips(
  [a, b, c]: [CallClient, CallClient, CallClient],
  rounds: number,
  skip: (skipper: CallClient) => Promise<void>,
  measure: (round: SkipRound) => Promise<void>,
): Promise<void> {
  let inCall: [CallClient, CallClient] = [b, a];
  let waiting = c;
  for (let round = 0; round < rounds; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const [skipped, skipper] = inCall;
    await skip(skipper);
    const nextAt = (await readCallMarks(skipper, 'next')).at(-1)!.at;
    const pairId = await pairMatchedAfter(skipper, nextAt);
    await measure({ skipper, newPartner: waiting, nextAt, pairId });
    inCall = [skipper, waiting];
    waiting = skipped;
    await waiting.waitForPhase('searching');
  }
}
