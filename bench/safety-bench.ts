/**
 * `npm run bench:safety`: in real calls in Chromium, the median and p95 of
 * keystroke to outgoing track disabled (M), Report keystroke to the server's
 * durable acknowledgement (R), and Skip keystroke to the next partner's
 * first frame (N).
 */
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { startCallWorld } from '../tests/e2e/harness/call-world';
import type { CallClient } from '../tests/e2e/harness/call-client';
import { summarize } from './statistics';
import { rotateSkips } from './skip-rotation';
import { markFor } from './wait-for-marks';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('Usage: npm run bench:safety -- --rounds N');
  process.exit(2);
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
      return new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
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
    for (const client of [a, b, c]) {
      const { safety } = world.personOf(client).services;
      const fileReport = safety.fileReport.bind(safety);
      safety.fileReport = async (request) => {
        const started = performance.now();
        const result = await fileReport(request);
        serverAck.push(performance.now() - started);
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
    await c.start();
    await c.waitForPhase('searching');
    const skip: number[] = [];
    await rotateSkips(
      [a, b, c],
      rounds,
      (skipper) => skipper.page.keyboard.press('n'),
      async ({ skipper, nextAt, pairId }) => {
        skip.push((await markFor(skipper, 'remote-first-frame', pairId)) - nextAt);
        // Each new call gets one report (a second report of the same call is answered from the first).
        await skipper.waitForPhase('in-call');
        report.push(await keyToCondition(skipper, 'r', 'report-filed'));
        await skipper.page.keyboard.press('Escape');
        await skipper.page.getByRole('dialog').waitFor({ state: 'detached' });
      },
    );

    console.log(
      JSON.stringify(
        {
          benchmark: 'safety',
          rounds,
          muteKeyToTrackDisabledMs: summarize(mute),
          reportKeyToDurableAckMs: summarize(report),
          reportRequestToDurableAckMs: summarize(serverAck),
          skipKeyToNextFirstFrameMs: summarize(skip),
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
