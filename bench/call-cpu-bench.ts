/**
 * `npm run bench:call-cpu`: what a whole call costs each person's computer.
 * Two people, each in a Chromium of their own (fake camera 640x480 at 30
 * fps), in one steady call for `--seconds` (default 30) with background
 * blur on, the incoming-video filter on and chat messages flowing; the CPU
 * time of each person's whole Chromium process tree per second (1000 ms =
 * one core), by process kind (browser, renderer, GPU, utility such as network
 * and audio), read from /proc. The reference is the same call with both
 * effects off, interleaved round by round (`--rounds`, default 2).
 * Loopback only; each round takes about `--seconds` plus its set-up.
 */
import { parseArgs } from 'node:util';
import type { SettingsPatch } from '../src/shared/settings';
import type { CallClient } from '../tests/e2e/harness/call-client';
import { startCallWorld, type CallWorld } from '../tests/e2e/harness/call-world';
import { browserProcessId, launchChromiumAt30Fps } from './bench-chromium';
import { LOAD_GATE_OPTIONS, openLoadGate, printReport, waitLimitMs } from './load-gate';
import { cpuMsPerSecond, PROCESS_KINDS, sampleTree, type CpuPerSecond } from './process-cpu';
import { compareFigures, interleaveRounds } from './statistics';
import { markFor, markWait, pairMatchedAfter } from './wait-for-marks';
import { readCallMarks } from '../tests/e2e/harness/call-client';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '2' },
    'warm-up-seconds': { type: 'string', default: '5' },
    ...LOAD_GATE_OPTIONS,
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const warmUpSeconds = Number(values['warm-up-seconds']);
if (!(seconds > 0) || !Number.isInteger(rounds) || rounds < 1 || !(warmUpSeconds >= 0)) {
  console.error('Usage: npm run bench:call-cpu -- [--seconds S] [--rounds N] [--warm-up-seconds W] [--allow-busy-machine]');
  process.exit(2);
}
const gate = openLoadGate('call-cpu', values['allow-busy-machine']);
markWait.timeoutMs = waitLimitMs(gate, markWait.timeoutMs);

/** One chat message every this many ms, the two people taking turns. */
const CHAT_INTERVAL_MS = 2_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const effectsSettings = (on: boolean): SettingsPatch => ({
  filterIncomingVideo: on,
  videoEffect: on ? { kind: 'blur', strength: 'strong' } : { kind: 'none' },
});

interface Participant {
  client: CallClient;
  browserPid: number;
}

/** Reopens both people's app with the effects on or off (settings are read when the app opens). */
async function applyEffects(world: CallWorld, people: Participant[], on: boolean): Promise<void> {
  for (const { client } of people) {
    world.personOf(client).services.settings.update(effectsSettings(on));
    await client.page.reload();
    await client.page.getByRole('button', { name: 'Start' }).waitFor();
  }
}

async function sendChat(client: CallClient, text: string): Promise<void> {
  await client.page.getByRole('textbox', { name: 'Message' }).fill(text);
  await client.page.getByRole('textbox', { name: 'Message' }).press('Enter');
}

/** One steady call: connect, warm up, then measure each person's process tree while chatting. */
async function steadyCall(world: CallWorld, people: [Participant, Participant], effectsOn: boolean): Promise<CpuPerSecond[]> {
  const [a, b] = people;
  await applyEffects(world, people, effectsOn);
  await a.client.start();
  await a.client.waitForPhase('searching');
  const joinAt = Date.now();
  await b.client.start();
  const pairId = await pairMatchedAfter(b.client, joinAt - 1);
  for (const { client } of people) await markFor(client, 'remote-first-frame', pairId);
  await sleep(warmUpSeconds * 1000);

  const before = people.map(({ browserPid }) => sampleTree(browserPid));
  const endAt = Date.now() + seconds * 1000;
  let sent = 0;
  while (Date.now() < endAt) {
    const turn = people[sent % 2]!.client;
    await sendChat(turn, `message ${sent + 1}: how is your day going?`);
    sent += 1;
    await sleep(Math.min(CHAT_INTERVAL_MS, Math.max(0, endAt - Date.now())));
  }
  const after = people.map(({ browserPid }) => sampleTree(browserPid));
  // The call must still be the same one, or the figures describe something else.
  if ((await readCallMarks(a.client, 'matched')).at(-1)?.pairId !== pairId) throw new Error('The call ended during the measurement');

  await a.client.stop();
  await b.client.waitForPhase('searching');
  await b.client.page.getByRole('button', { name: 'Cancel' }).click();
  for (const { client } of people) await client.page.getByRole('button', { name: 'Start' }).waitFor();
  return people.map((_, index) => cpuMsPerSecond(before[index]!, after[index]!));
}

/** The samples of each figure, per person and process kind, e.g. "a.totalCpuMsPerSecond": one per round. */
function figuresOf(samples: CpuPerSecond[][], names: string[]): Record<string, number[]> {
  const figures: Record<string, number[]> = {};
  for (const [person, name] of names.entries()) {
    for (const kind of ['total' as const, ...PROCESS_KINDS])
      figures[`${name}.${kind}CpuMsPerSecond`] = samples.map((round) => round[person]![kind]);
  }
  return figures;
}

async function main(): Promise<void> {
  const browsers = [await launchChromiumAt30Fps(), await launchChromiumAt30Fps()];
  const world = await startCallWorld(browsers[0]!);
  try {
    const people: Participant[] = [];
    for (const [index, name] of ['a', 'b'].entries()) {
      const browser = browsers[index]!;
      const client = await world.openClient(name, { browser, settings: effectsSettings(true) });
      people.push({ client, browserPid: await browserProcessId(browser) });
    }
    const pair = people as [Participant, Participant];
    const names = people.map(({ client }) => client.name);
    const ours: CpuPerSecond[][] = [];
    const reference: CpuPerSecond[][] = [];
    await interleaveRounds(rounds, {
      ours: async () => void ours.push(await steadyCall(world, pair, true)),
      reference: async () => void reference.push(await steadyCall(world, pair, false)),
    });
    printReport(gate, {
      rounds,
      secondsPerRound: seconds,
      oursIs: 'blur (strong) on, incoming-video filter on, a chat message every 2 s',
      referenceIs: 'the same call with both effects off',
      unit: 'CPU milliseconds per second of the whole Chromium process tree of one person (1000 = one core), from /proc',
      ...compareFigures(figuresOf(ours, names), figuresOf(reference, names)),
      target: { oursTotalCpuMsPerSecondPerPerson: 1000 },
    });
  } finally {
    await world.close();
    for (const browser of browsers) await browser.close();
  }
}

await main();
