/**
 * `npm run bench:call -- --pairs N`: N pairings and N skips between real
 * clients in Chromium on loopback. Prints JSON with the median and p95 of
 * (a) join to first remote video frame on both sides and (b) Next to the
 * new partner's first frame on both sides, plus where the time went, for
 * the app and for its same-run reference, round by round (ours, reference,
 * ours…): a plain simple-peer call with its defaults over the same server
 * code and wire protocol (bench/plain-call), with ratio = ours / reference.
 * The reference people use a second server instance of their own, so the
 * two groups are never paired with each other.
 */
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { startCallWorld } from '../tests/e2e/harness/call-world';
import { readCallMarks, type CallClient } from '../tests/e2e/harness/call-client';
import { startTestServer } from '../tests/support/test-server';
import { LOAD_GATE_OPTIONS, openLoadGate, printReport, waitLimitMs } from './load-gate';
import type { MarkedClient } from './marked-client';
import { PlainCallClient, servePlainCallPage } from './plain-call/plain-call-client';
import { compareFigures, interleaveRounds, summarize } from './statistics';
import { skipRotation } from './skip-rotation';
import { markFor, markWait, pairMatchedAfter } from './wait-for-marks';

const { values } = parseArgs({
  options: { pairs: { type: 'string', default: '20' }, filter: { type: 'string', default: 'off' }, ...LOAD_GATE_OPTIONS },
});
const rounds = Number(values.pairs);
if (!Number.isInteger(rounds) || rounds < 1 || !['on', 'off'].includes(values.filter)) {
  console.error('Usage: npm run bench:call -- --pairs N [--filter on|off] [--allow-busy-machine]   (N a whole number, at least 1)');
  process.exit(2);
}
const gate = openLoadGate('call', values['allow-busy-machine']);
markWait.timeoutMs = waitLimitMs(gate, markWait.timeoutMs);
// "--filter off" measures the call path alone; "--filter on" adds the incoming-video filter of every app client.
const filterIncomingVideo = values.filter === 'on';

const STAGES = ['matched', 'offer-sent', 'answer-sent', 'remote-stream', 'peer-connected', 'remote-first-frame'] as const;

/** Time from `origin` to each stage on one side, for the breakdown. */
async function stageTimes(client: MarkedClient, pairId: string, origin: number): Promise<Record<string, number>> {
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

/** One side's samples (the app's, or the reference's). */
class CallSamples {
  readonly joinBoth: number[] = [];
  readonly joinEachSide: number[] = [];
  readonly nextBoth: number[] = [];
  readonly nextEachSide: number[] = [];
  readonly joinStagesWaiting: Array<Record<string, number>> = [];
  readonly joinStagesJoining: Array<Record<string, number>> = [];
  readonly nextStagesSkipper: Array<Record<string, number>> = [];

  figures() {
    return {
      joinToFirstFrameMs: this.joinBoth,
      joinToFirstFrameEachSideMs: this.joinEachSide,
      nextToFirstFrameMs: this.nextBoth,
      nextToFirstFrameEachSideMs: this.nextEachSide,
    };
  }

  stages() {
    return {
      join: { waitingSide: summarizeStages(this.joinStagesWaiting), joiningSide: summarizeStages(this.joinStagesJoining) },
      next: { skipper: summarizeStages(this.nextStagesSkipper) },
    };
  }
}

/** (a) Join to first frame: one waits, the other joins; the clock starts at the second join. */
async function joinRound<Client extends MarkedClient>(
  [a, b]: [Client, Client],
  round: number,
  samples: CallSamples,
  backToLobby: (waiter: Client, joiner: Client) => Promise<void>,
): Promise<void> {
  const [waiter, joiner] = round % 2 === 0 ? [a, b] : [b, a];
  await waiter.start();
  await waiter.waitForPhase('searching');
  await new Promise((resolve) => setTimeout(resolve, 100));
  await joiner.start();
  const joinAt = (await readCallMarks(joiner, 'join')).at(-1)!.at;
  const pairId = await pairMatchedAfter(joiner, joinAt);
  const frames = [await markFor(waiter, 'remote-first-frame', pairId), await markFor(joiner, 'remote-first-frame', pairId)];
  samples.joinEachSide.push(...frames.map((at) => at - joinAt));
  samples.joinBoth.push(Math.max(...frames) - joinAt);
  samples.joinStagesWaiting.push(await stageTimes(waiter, pairId, joinAt));
  samples.joinStagesJoining.push(await stageTimes(joiner, pairId, joinAt));
  await backToLobby(waiter, joiner);
}

/** `a` and `b` in a call, `c` waiting: the start of the skip rotation. */
async function startTrio([a, b, c]: MarkedClient[]): Promise<void> {
  await a!.start();
  await b!.start();
  await a!.waitForPhase('in-call');
  await b!.waitForPhase('in-call');
  await c!.start();
  await c!.waitForPhase('searching');
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  const world = await startCallWorld(browser);
  const referenceServer = await startTestServer();
  const plainPage = await servePlainCallPage(referenceServer.url);
  const plainClients: PlainCallClient[] = [];
  try {
    const open = (name: string) => world.openClient(name, { settings: { filterIncomingVideo } });
    const openPlain = async (name: string) => {
      const client = await PlainCallClient.open(browser, `plain-${name}`, plainPage.origin, referenceServer.url);
      plainClients.push(client);
      return client;
    };
    const ours = new CallSamples();
    const reference = new CallSamples();
    // (a) needs only the two people being paired: a third one idling in the lobby would run a
    // live camera on the same two cores, a load nobody has on their own computer.
    const [a, b] = [await open('a'), await open('b')];
    for (const client of [a, b]) await client.page.getByRole('button', { name: 'Start' }).waitFor();
    const [plainA, plainB] = [await openPlain('a'), await openPlain('b')];
    const appBackToLobby = async (waiter: CallClient, joiner: CallClient) => {
      await waiter.stop();
      await joiner.waitForPhase('searching');
      await joiner.page.getByRole('button', { name: 'Cancel' }).click();
      await joiner.page.getByRole('button', { name: 'Start' }).waitFor();
      await waiter.page.getByRole('button', { name: 'Start' }).waitFor();
    };
    const plainBackToLobby = async (waiter: PlainCallClient, joiner: PlainCallClient) => {
      await waiter.stop();
      await joiner.waitForPhase('searching');
      await joiner.stop();
      await joiner.waitForPhase('lobby');
      await waiter.waitForPhase('lobby');
    };
    await interleaveRounds(rounds, {
      ours: (round) => joinRound([a, b], round, ours, appBackToLobby),
      reference: (round) => joinRound([plainA, plainB], round, reference, plainBackToLobby),
    });

    // (b) Next to the new partner's first frame: three people on each side, one always waiting.
    const c = await open('c');
    await c.page.getByRole('button', { name: 'Start' }).waitFor();
    const plainC = await openPlain('c');
    await startTrio([a, b, c]);
    await startTrio([plainA, plainB, plainC]);
    const skipRound =
      (samples: CallSamples) =>
      async ({
        skipper,
        newPartner,
        nextAt,
        pairId,
      }: {
        skipper: MarkedClient;
        newPartner: MarkedClient;
        nextAt: number;
        pairId: string;
      }) => {
        const frames = [await markFor(skipper, 'remote-first-frame', pairId), await markFor(newPartner, 'remote-first-frame', pairId)];
        samples.nextEachSide.push(...frames.map((at) => at - nextAt));
        samples.nextBoth.push(Math.max(...frames) - nextAt);
        samples.nextStagesSkipper.push(await stageTimes(skipper, pairId, nextAt));
      };
    const oursRotation = skipRotation<MarkedClient>([a, b, c]);
    const referenceRotation = skipRotation<MarkedClient>([plainA, plainB, plainC]);
    await interleaveRounds(rounds, {
      ours: () => oursRotation.skipOnce((skipper) => skipper.next(), skipRound(ours)),
      reference: () => referenceRotation.skipOnce((skipper) => skipper.next(), skipRound(reference)),
    });

    printReport(gate, {
      rounds,
      incomingVideoFilter: values.filter,
      referenceIs: 'a plain simple-peer call with its defaults (trickle ICE, no prepared offer, no first-frame tricks), same server code',
      ...compareFigures(ours.figures(), reference.figures()),
      medianStageMs: { ours: ours.stages(), reference: reference.stages() },
    });
  } finally {
    for (const client of plainClients) await client.close().catch(() => {});
    await world.close();
    await plainPage.close();
    await referenceServer.close();
    await browser.close();
  }
}

await main();
