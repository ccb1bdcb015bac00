/**
 * One person using the app: a Chromium context (its own storage, its own
 * fake camera) with the bridge installed, driven through the UI by role
 * and name, plus read-outs of what WebRTC really delivered.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BridgeHandlers } from '../../../src/main/bridge-dispatch';
import { installPageBridge } from './page-bridge';

export interface InboundMedia {
  videoFramesDecoded: number;
  audioPacketsReceived: number;
  totalAudioEnergy: number;
}

export class CallClient {
  /** Every host:port the page asked for, HTTP or WebSocket. */
  readonly contactedHosts = new Set<string>();

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, name: string, origin: string, handlers: BridgeHandlers, initScript?: string): Promise<CallClient> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
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
    const page = await context.newPage();
    const client = new CallClient(name, context, page);
    page.on('request', (request) => client.contactedHosts.add(new URL(request.url()).host));
    page.on('websocket', (socket) => client.contactedHosts.add(new URL(socket.url()).host));
    page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
    await page.goto(`${origin}/index.html`);
    return client;
  }

  async start(): Promise<void> {
    const start = this.page.getByRole('button', { name: 'Start' });
    await start.click();
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

  async waitForPhase(phase: string, timeout = 15_000): Promise<void> {
    await this.page.locator(`main[data-phase="${phase}"]`).waitFor({ timeout });
  }

  /** The id the server gave this call; changes with every new partner. */
  async pairMarks(): Promise<number> {
    return this.page.evaluate(() => performance.getEntriesByName('camparty:matched').length);
  }

  /** Counts remote video frames painted during `ms`. */
  async remoteFramesDuring(ms: number): Promise<number> {
    return this.page.evaluate(async (duration) => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
      if (!video) return 0;
      let frames = 0;
      const count = (): void => {
        frames += 1;
        video.requestVideoFrameCallback(count);
      };
      video.requestVideoFrameCallback(count);
      await new Promise((resolve) => setTimeout(resolve, duration));
      return frames;
    }, ms);
  }

  /** What the newest peer connection has received so far (getStats). */
  async inboundMedia(): Promise<InboundMedia> {
    return this.page.evaluate(async () => {
      const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
      const connection = connections.at(-1);
      const result = { videoFramesDecoded: 0, audioPacketsReceived: 0, totalAudioEnergy: 0 };
      if (!connection) return result;
      const stats = await connection.getStats();
      stats.forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp') return;
        if (report.kind === 'video') result.videoFramesDecoded += Number(report.framesDecoded ?? 0);
        if (report.kind === 'audio') {
          result.audioPacketsReceived += Number(report.packetsReceived ?? 0);
          result.totalAudioEnergy += Number(report.totalAudioEnergy ?? 0);
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
export async function readCallMarks(client: CallClient, name: string): Promise<CallMarkEntry[]> {
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

/** The audio level (0–1) the newest peer connection receives now. */
export async function receivedAudioLevel(client: CallClient): Promise<number> {
  return client.page.evaluate(async () => {
    const connection = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections.at(-1);
    if (!connection) return -1;
    let level = -1;
    (await connection.getStats()).forEach((report: Record<string, unknown>) => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') level = Number(report.audioLevel ?? 0);
    });
    return level;
  });
}
