/**
 * `npm run bench:safety`: in real calls in Chromium, the median and p95 of
 * keystroke to outgoing track disabled (M), Report keystroke to the server's
 * durable acknowledgement (R), and Skip keystroke to the next partner's
 * first frame (N). The Report figure has a same-run reference, interleaved
 * round by round: the same report as a bare HTTP POST from Node straight to
 * the server (the floor of the path), filed by the other side of the same
 * call so it is a new, durable report too.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { API_ROUTES } from '../src/shared/api-routes';
import type { FileReportRequest } from '../src/shared/reports-api';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { startCallWorld } from '../tests/e2e/harness/call-world';
import type { CallClient } from '../tests/e2e/harness/call-client';
import { LOAD_GATE_OPTIONS, openLoadGate, printReport, waitLimitMs } from './load-gate';
import { compareFigures, summarize } from './statistics';
import { rotateSkips } from './skip-rotation';
import { markFor, markWait } from './wait-for-marks';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' }, ...LOAD_GATE_OPTIONS } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('Usage: npm run bench:safety -- --rounds N [--allow-busy-machine]');
  process.exit(2);
}
const gate = openLoadGate('safety', values['allow-busy-machine']);
markWait.timeoutMs = waitLimitMs(gate, markWait.timeoutMs);

/** The reference: one report POSTed from Node straight to the server, timed to its 201. */
async function bareReportPost(serverUrl: string, accessToken: string, report: FileReportRequest): Promise<number> {
  const url = `${serverUrl.replace(/^ws/, 'http')}${API_ROUTES.fileReport.path}`;
  const started = performance.now();
  const response = await fetch(url, {
    method: API_ROUTES.fileReport.method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(report),
  });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 201) throw new Error(`The bare report POST answered ${response.status}, not 201 (a new durable report)`);
  return elapsed;
}

/** Presses a key in the page and measures, in the page, until `done` holds (polled every frame and microtask). */
async function keyToCondition(client: CallClient, key: string, condition: 'microphone-off' | 'report-filed'): Promise<number> {
  return client.page.evaluate(
    async ({ key, condition }) => {
      const micOff = (): boolean => {
        const video = document.querySelector<HTMLVideoElement>('[data-testid="local-video"]');
        const track = (video?.srcObject as MediaStream | null)?.getAudioTracks()[0];
        return track !== undefined && !track.enabled;
      };
      const filed = (): boolean =>
        [...document.querySelectorAll('h2')].some((heading) => /^Report R-\d+ filed$/.test(heading.textContent ?? ''));
      const done = condition === 'microphone-off' ? micOff : filed;
      const started = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      if (done()) return performance.now() - started;
      return new Promise<number>((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - started);
        });
        // Bounded: a key that never takes effect fails the run with what the page shows.
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`"${key}" did not lead to ${condition} in 15 s; the page shows: ${document.body.innerText.slice(0, 400)}`));
        }, 15_000);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
    { key, condition },
  );
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  // One report per call, many calls a minute: the per-account report limit would refuse most of them.
  const many = { limit: 10_000, windowMs: 60_000 };
  const world = await startCallWorld(browser, { reportLimits: { perAccountBurst: many, perAccountSustained: many } });
  try {
    const open = (name: string) => world.openClient(name, { settings: { filterIncomingVideo: false } });
    const [a, b, c] = [await open('a'), await open('b'), await open('c')];
    // The same reports timed inside the main-process service, from the HTTP request to the
    // server's durable acknowledgement: what Electron's IPC adds is far less than this harness's CDP hop.
    const serverAck: number[] = [];
    let lastReport: FileReportRequest | null = null;
    for (const client of [a, b, c]) {
      const { safety } = world.personOf(client).services;
      const fileReport = safety.fileReport.bind(safety);
      safety.fileReport = async (request) => {
        const started = performance.now();
        const result = await fileReport(request);
        serverAck.push(performance.now() - started);
        lastReport = request;
        return result;
      };
    }
    await a.start();
    await b.start();
    await a.waitForPhase('in-call');
    await b.waitForPhase('in-call');

    const mute: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      mute.push(await keyToCondition(a, 'm', 'microphone-off'));
      await a.page.keyboard.press('m'); // unmute again
    }

    const report: number[] = [];
    const bareReport: number[] = [];
    await c.start();
    await c.waitForPhase('searching');
    const skip: number[] = [];
    await rotateSkips(
      [a, b, c],
      rounds,
      (skipper) => skipper.page.keyboard.press('n'),
      async ({ skipper, newPartner, nextAt, pairId }) => {
        skip.push((await markFor(skipper, 'remote-first-frame', pairId)) - nextAt);
        // Each new call gets one report (a second report of the same call is answered from the first).
        await skipper.waitForPhase('in-call');
        report.push(await keyToCondition(skipper, 'r', 'report-filed'));
        await skipper.page.keyboard.press('Escape');
        await skipper.page.getByRole('dialog').waitFor({ state: 'detached' });
        // The reference, right after ours: the same report, filed by the other side of this call.
        const token = await world.personOf(newPartner).services.account.socketAccessToken();
        if (!token.ok || !lastReport) throw new Error(`No report to replay, or no token for ${newPartner.name}`);
        bareReport.push(await bareReportPost(world.server.url, token.value, { ...lastReport, reportId: randomUUID() }));
      },
    );

    printReport(gate, {
      rounds,
      referenceIs: 'reportToDurableAckMs: the same report as a bare HTTP POST from Node straight to the server',
      ...compareFigures({ reportToDurableAckMs: report }, { reportToDurableAckMs: bareReport }),
      oursOnly: {
        muteKeyToTrackDisabledMs: summarize(mute),
        // The report inside the main-process service: HTTP request to durable ack, without the page and its bridge.
        reportRequestToDurableAckMs: summarize(serverAck),
        skipKeyToNextFirstFrameMs: summarize(skip),
      },
    });
  } finally {
    await world.close();
    await browser.close();
  }
}

await main();
