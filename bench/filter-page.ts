/** The safety-filter harness page as the filter benchmark drives it: open, mount, wait for the filter's verdict. */
import type { Browser, Page } from 'playwright-core';
import type { HarnessWindow, MountOptions } from '../tests/e2e/harness/safety-filter-fixtures';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function newPage(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  return page;
}

export async function mount(page: Page, options: MountOptions): Promise<void> {
  await page.evaluate((mountOptions) => (window as unknown as HarnessWindow).safetyFilterHarness.mount(mountOptions), options);
}

export async function unmount(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as HarnessWindow).safetyFilterHarness.unmount());
}

export async function waitForReason(page: Page, reason: string): Promise<void> {
  await page.locator(`[data-testid="filtered-remote-video"][data-filter-reason="${reason}"]`).waitFor({ timeout: 60_000 });
}

/** Until the filter says "explicit" and a blurred frame has been painted. */
export async function waitForBlurredPaint(page: Page): Promise<void> {
  await waitForReason(page, 'explicit');
  await page.waitForFunction(() =>
    (window as unknown as HarnessWindow).safetyFilterHarness.timeline.some(
      (entry) => entry.reason === 'explicit' && entry.paintedAt !== null,
    ),
  );
}
