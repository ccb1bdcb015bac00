/**
 * Skips round after round among three people, one always waiting. The one
 * who just arrived from the queue skips next, so the one waiting may meet it
 * (a skipped person is not paired with the one who skipped it until it has
 * met someone else).
 */
import { readCallMarks } from '../tests/e2e/harness/call-client';
import type { MarkedClient } from './marked-client';
import { pairMatchedAfter } from './wait-for-marks';

export interface SkipRound<Client extends MarkedClient> {
  skipper: Client;
  /** The one who was waiting and is now the skipper's new partner. */
  newPartner: Client;
  /** When the skipper pressed Skip (ms since the epoch). */
  nextAt: number;
  pairId: string;
}

export interface SkipRotation<Client extends MarkedClient> {
  /** One round: `skip` presses Skip, `measure` reads the round. */
  skipOnce(skip: (skipper: Client) => Promise<void>, measure: (round: SkipRound<Client>) => Promise<void>): Promise<void>;
}

/** `a` and `b` in a call, `c` waiting: skips one round at a time (so two rotations can be interleaved). */
export function skipRotation<Client extends MarkedClient>([a, b, c]: [Client, Client, Client]): SkipRotation<Client> {
  let inCall: [Client, Client] = [b, a];
  let waiting = c;
  return {
    skipOnce: async (skip, measure) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const [skipped, skipper] = inCall;
      await skip(skipper);
      const nextAt = (await readCallMarks(skipper, 'next')).at(-1)!.at;
      const pairId = await pairMatchedAfter(skipper, nextAt);
      await measure({ skipper, newPartner: waiting, nextAt, pairId });
      inCall = [skipper, waiting];
      waiting = skipped;
      await waiting.waitForPhase('searching');
    },
  };
}

/** `a` and `b` in a call, `c` waiting; `skip` presses Skip, `measure` reads each round. */
export async function rotateSkips<Client extends MarkedClient>(
  trio: [Client, Client, Client],
  rounds: number,
  skip: (skipper: Client) => Promise<void>,
  measure: (round: SkipRound<Client>) => Promise<void>,
): Promise<void> {
  const rotation = skipRotation(trio);
  for (let round = 0; round < rounds; round += 1) await rotation.skipOnce(skip, measure);
}
