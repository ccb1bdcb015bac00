/**
 * Chromium for the benchmarks that measure per-frame work: the harness's
 * flags with the fake camera at 30 fps (the harness's default is 20), and
 * the browser process's pid (from the DevTools protocol) to read its
 * process tree from /proc.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../tests/e2e/harness/chromium';

export async function launchChromiumAt30Fps(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      ...CHROMIUM_FLAGS.map((flag) => (flag === '--use-fake-device-for-media-stream' ? `${flag}=fps=30` : flag)),
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
}

/** The pid of the browser's own process (the root of its process tree). */
export async function browserProcessId(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
    const own = processInfo.find((entry) => entry.type === 'browser');
    if (!own) throw new Error('Chromium named no browser process');
    return own.id;
  } finally {
    await session.detach();
  }
}
