/**
 * `npm run bench:call -- --pairs N`: N pairings and N skips between real
 * clients in Chromium on loopback. Prints JSON with the median and p95 of
 * (a) join to first remote video frame on both sides and (b) Next to the
 * new partner's first frame on both sides, plus where the time went.
 */
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { startCallWorld } from '../tests/e2e/harness/call-world';
import { readCallMarks, type CallClient } from '../tests/e2e/harness/call-client';
import { summarize } from './statistics';
import { rotateSkips } from './skip-rotation';
import { markFor, pairMatchedAfter } from './wait-for-marks';

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '20' }, filter: { type: 'string', default: 'off' } } });
const rounds = Number(values.pairs);
if (!Number.isInteger(rounds) || rounds < 1 || !['on', 'off'].includes(values.filter)) {
  console.error('Usage: npm run bench:call -- --pairs N [--filter on|off]   (N a whole number, at least 1)');
  process.exit(2);
}
// Three people share this machine's two cores here; on their own computers each has the CPU to itself.
// "--filter off" measures the call path alone; "--filter on" adds the incoming-video filter of every client.
const filterIncomingVideo = values.filter === 'on';

const STAGES = ['matched', 'offer-sent', 'answer-sent', 'remote-stream', 'peer-connected', 'remote-first-frame'] as const;

/** Time from `origin` to each stage on one side, for the breakdown. */
async function stageTimes(client: CallClient, pairId: string, origin: number): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const stage of STAGES) {
    const mark = (await readCallMarks(client, stage)).find((entry) => entry.pairId === pairId);
    if (mark) result[stage] = mark.at - origin;
  }
  return result;
}

function summarizeStages(samples: Array<Record<string, number>>): Record<string, number> {
  const medians: Record<string, number> = {};
  for (const stage of STAGES) {
    const values = samples.map((sample) => sample[stage]).filter((value): value is number => value !== undefined);
    if (values.length > 0) medians[stage] = summarize(values).median;
  }
  return medians;
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  const world = await startCallWorld(browser);
  try {
    const open = (name: string) => world.openClient(name, { settings: { filterIncomingVideo } });
    // (a) needs only the two people being paired: a third one idling in the lobby would run a
    // live camera preview on the same two cores, a load nobody has on their own computer.
    const [a, b] = [await open('a'), await open('b')];
    for (const client of [a, b]) await client.page.getByRole('button', { name: 'Start' }).waitFor();

    // (a) Join to first frame: one waits, the other joins; the clock starts at the second join.
    const joinBoth: number[] = [];
    const joinEachSide: number[] = [];
    const joinStagesInitiator: Array<Record<string, number>> = [];
    const joinStagesJoiner: Array<Record<string, number>> = [];
    for (let round = 0; round < rounds; round += 1) {
      const [waiter, joiner] = round % 2 === 0 ? [a, b] : [b, a];
      await waiter.start();
      await waiter.waitForPhase('searching');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await joiner.start();
      const joinAt = (await readCallMarks(joiner, 'join')).at(-1)!.at;
      const pairId = await pairMatchedAfter(joiner, joinAt);
      const frames = [await markFor(waiter, 'remote-first-frame', pairId), await markFor(joiner, 'remote-first-frame', pairId)];
      joinEachSide.push(...frames.map((at) => at - joinAt));
      joinBoth.push(Math.max(...frames) - joinAt);
      joinStagesInitiator.push(await stageTimes(waiter, pairId, joinAt));
      joinStagesJoiner.push(await stageTimes(joiner, pairId, joinAt));
      await waiter.stop();
      await joiner.waitForPhase('searching');
      await joiner.page.getByRole('button', { name: 'Cancel' }).click();
      await joiner.page.getByRole('button', { name: 'Start' }).waitFor();
      await waiter.page.getByRole('button', { name: 'Start' }).waitFor();
    }

    // (b) Next to the new partner's first frame: three people, one always waiting.
    const c = await open('c');
    await c.page.getByRole('button', { name: 'Start' }).waitFor();
    const nextBoth: number[] = [];
    const nextEachSide: number[] = [];
    const nextStages: Array<Record<string, number>> = [];
    await a.start();
    await b.start();
    await a.waitForPhase('in-call');
    await b.waitForPhase('in-call');
    await c.start();
    await c.waitForPhase('searching');
    await rotateSkips(
      [a, b, c],
      rounds,
      (skipper) => skipper.next(),
      async ({ skipper, newPartner, nextAt, pairId }) => {
        const frames = [await markFor(skipper, 'remote-first-frame', pairId), await markFor(newPartner, 'remote-first-frame', pairId)];
        nextEachSide.push(...frames.map((at) => at - nextAt));
        nextBoth.push(Math.max(...frames) - nextAt);
        nextStages.push(await stageTimes(skipper, pairId, nextAt));
      },
    );

    console.log(
      JSON.stringify(
        {
          benchmark: 'call',
          rounds,
          incomingVideoFilter: values.filter,
          joinToFirstFrameMs: { bothSides: summarize(joinBoth), eachSide: summarize(joinEachSide) },
          nextToFirstFrameMs: { bothSides: summarize(nextBoth), eachSide: summarize(nextEachSide) },
          medianStageMs: {
            join: { waitingSide: summarizeStages(joinStagesInitiator), joiningSide: summarizeStages(joinStagesJoiner) },
            next: { skipper: summarizeStages(nextStages) },
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await world.close();
    await browser.close();
  }
}

await main();
