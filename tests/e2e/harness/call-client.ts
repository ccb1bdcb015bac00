/**
 * One person using the app: a Chromium context (its own storage, its own
 * fake camera) with the bridge installed, driven through the UI by role
 * and name, plus read-outs of what WebRTC really delivered.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BridgeHandlers } from '../../../src/main/bridge-dispatch';
import { installPageBridge } from './real-preload';
import { recordPageProblems, type PageProblem } from './page-problems';
import { REMOTE_VIDEO_WATCH_SCRIPT, type RemoteVideoWatch } from './remote-video-watch';

export interface InboundMedia {
  videoFramesDecoded: number;
  audioPacketsReceived: number;
  totalAudioEnergy: number;
  /** Seconds of the stranger's audio played out so far: a clock that runs only as fast as the audio does. */
  audioSecondsReceived: number;
}

export class CallClient {
  /** Every host:port the page asked for, HTTP or WebSocket. */
  readonly contactedHosts = new Set<string>();

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
    /** Uncaught errors and console.error of this person's pages, from the first page on. */
    readonly problems: readonly PageProblem[],
  ) {}

  static async open(browser: Browser, name: string, origin: string, handlers: BridgeHandlers, initScript?: string): Promise<CallClient> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
    const problems: PageProblem[] = [];
    recordPageProblems(context, name, problems);
    // Benchmarks run under tsx, whose transform names functions with a `__name` helper that
    // page.evaluate would carry into the page; give the page a harmless one.
    await context.addInitScript('globalThis.__name ??= (fn) => fn;');
    if (initScript) await context.addInitScript(initScript);
    await installPageBridge(context, handlers, origin);
    // Keep a handle on every RTCPeerConnection so a test can read getStats(). A string, so no
    // transpiler helper (tsx adds `__name`) leaks into the page.
    await context.addInitScript(`{
      const Original = window.RTCPeerConnection;
      const connections = [];
      Object.defineProperty(window, '__peerConnections', { value: connections });
      window.RTCPeerConnection = class extends Original {
        constructor(configuration) {
          super(configuration);
          connections.push(this);
        }
      };
    }`);
    await context.addInitScript(REMOTE_VIDEO_WATCH_SCRIPT);
    const page = await context.newPage();
    const client = new CallClient(name, context, page, problems);
    page.on('request', (request) => client.contactedHosts.add(new URL(request.url()).host));
    page.on('websocket', (socket) => client.contactedHosts.add(new URL(socket.url()).host));
    await page.goto(`${origin}/index.html`);
    return client;
  }

  async start(): Promise<void> {
    const start = this.page.getByRole('button', { name: 'Start' });
    await start.click();
  }

  /** Types a chat message and presses Enter, as a person sends one. */
  async send(text: string): Promise<void> {
    const message = this.page.getByRole('textbox', { name: 'Message' });
    await message.fill(text);
    await message.press('Enter');
  }

  async next(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Call and safety controls' }).getByRole('button', { name: /^Skip/ }).click();
  }

  async stop(): Promise<void> {
    await this.page.getByRole('button', { name: 'Stop' }).click();
  }

  async phase(): Promise<string> {
    return (await this.page.locator('main').first().getAttribute('data-phase')) ?? 'lobby';
  }

  /** Waits for the screen to show `phase`; bounded by the test's timeout unless given one. */
  async waitForPhase(phase: string, timeout?: number): Promise<void> {
    await this.page.locator(`main[data-phase="${phase}"]`).waitFor({ timeout });
  }

  /** The id the server gave this call; changes with every new partner. */
  async pairMarks(): Promise<number> {
    return this.page.evaluate(() => performance.getEntriesByName('camparty:matched').length);
  }

  /** What the stranger's video has shown so far: frames painted and the sizes it took (see remote-video-watch). */
  async remoteVideo(): Promise<RemoteVideoWatch> {
    return this.page.evaluate(() => (window as unknown as { __remoteVideo: RemoteVideoWatch }).__remoteVideo);
  }

  /** What the newest peer connection has received so far (getStats). */
  async inboundMedia(): Promise<InboundMedia> {
    return this.page.evaluate(async () => {
      const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
      const connection = connections.at(-1);
      const result = { videoFramesDecoded: 0, audioPacketsReceived: 0, totalAudioEnergy: 0, audioSecondsReceived: 0 };
      if (!connection) return result;
      const stats = await connection.getStats();
      stats.forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp') return;
        if (report.kind === 'video') result.videoFramesDecoded += Number(report.framesDecoded ?? 0);
        if (report.kind === 'audio') {
          result.audioPacketsReceived += Number(report.packetsReceived ?? 0);
          result.totalAudioEnergy += Number(report.totalAudioEnergy ?? 0);
          result.audioSecondsReceived += Number(report.totalSamplesDuration ?? 0);
        }
      });
      return result;
    });
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export interface CallMarkEntry {
  /** Milliseconds since the Unix epoch, comparable across pages of one machine. */
  at: number;
  pairId: string | undefined;
}

/** The page's `camparty:*` performance marks of one name, oldest first. */
export async function readCallMarks(client: Pick<CallClient, 'page'>, name: string): Promise<CallMarkEntry[]> {
  return client.page.evaluate(
    (markName) =>
      performance.getEntriesByName(`camparty:${markName}`).map((entry) => ({
        at: performance.timeOrigin + entry.startTime,
        pairId: ((entry as PerformanceMark).detail as { pairId?: string } | null)?.pairId,
      })),
    name,
  );
}

/** Mean brightness (0–255) of the stranger's video as painted now. */
export async function remoteBrightness(client: CallClient): Promise<number> {
  return client.page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
    if (!video || video.videoWidth === 0) return -1;
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    for (let index = 0; index < data.length; index += 4) sum += (data[index]! + data[index + 1]! + data[index + 2]!) / 3;
    return sum / (data.length / 4);
  });
}
