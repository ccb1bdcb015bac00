import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';
import { receivedAudioLevel, remoteBrightness, type CallClient } from './harness/call-client';

async function maxAudioLevelOver(client: CallClient, ms: number): Promise<number> {
  let max = 0;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    max = Math.max(max, await receivedAudioLevel(client));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return max;
}

test('M mutes the outgoing audio (the partner hears silence), V blacks out the outgoing video, and both are shown', async ({ world }) => {
  const [a, b] = [await world.openClient('a'), await world.openClient('b')];
  await a.start();
  await b.start();
  await a.waitForPhase('in-call');
  await b.waitForPhase('in-call');
  // Chromium's fake microphone beeps once a second: some of it must be heard first.
  await expect.poll(() => maxAudioLevelOver(b, 1200)).toBeGreaterThan(0.01);
  await expect.poll(() => remoteBrightness(b)).toBeGreaterThan(40);

  await a.page.keyboard.press('m');
  await expect(a.page.getByRole('button', { name: 'Unmute (M)' })).toHaveAttribute('aria-pressed', 'true');
  expect(
    await a.page.evaluate(
      () =>
        (document.querySelector('[data-testid="local-video"]') as HTMLVideoElement).srcObject &&
        ((document.querySelector('[data-testid="local-video"]') as HTMLVideoElement).srcObject as MediaStream).getAudioTracks()[0]!.enabled,
    ),
  ).toBe(false);
  await expect(b.page.getByText('Stranger muted')).toBeVisible();
  await expect.poll(() => maxAudioLevelOver(b, 1500), { timeout: 10_000 }).toBeLessThan(0.001);

  await a.page.keyboard.press('v');
  await expect(a.page.getByText('Camera off', { exact: true })).toBeVisible();
  await expect(b.page.getByText('The stranger turned their camera off.')).toBeVisible();
  await expect.poll(() => remoteBrightness(b)).toBeLessThan(5);
  await a.screenshot(path.join(SCREENSHOT_DIR, 'safety-panel-muted.png'));

  await a.page.keyboard.press('m');
  await a.page.keyboard.press('v');
  await expect(b.page.getByText('Stranger muted')).toBeHidden();
  await expect.poll(() => remoteBrightness(b)).toBeGreaterThan(40);
});

test('N and Escape skip, ? lists the shortcuts, and keys typed into the chat do nothing', async ({ world }) => {
  const [a, b, c] = [await world.openClient('a'), await world.openClient('b'), await world.openClient('c')];
  await a.start();
  await b.start();
  await a.waitForPhase('in-call');
  await c.start();

  const box = a.page.getByRole('textbox', { name: 'Message' });
  await box.fill('no skipping while I type n');
  await box.press('n');
  await expect(a.page.locator('main[data-phase="in-call"]')).toBeVisible();
  await box.blur();

  const pairsBefore = await a.pairMarks();
  await a.page.keyboard.press('n');
  await expect.poll(() => a.pairMarks()).toBe(pairsBefore + 1);
  await a.waitForPhase('in-call');

  // Escape skips too: a was skipped away from b, so with c gone a waits, and c meets b.
  await a.page.keyboard.press('Escape');
  await a.waitForPhase('searching');
  await c.waitForPhase('in-call');
  await b.waitForPhase('in-call');

  await a.page.keyboard.press('?');
  const overlay = a.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Mute or unmute microphone');
  await a.screenshot(path.join(SCREENSHOT_DIR, 'shortcut-overlay.png'));
  await a.page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
});

test('X (panic) turns camera and microphone off and ends the call at once', async ({ world }) => {
  const [a, b] = [await world.openClient('a'), await world.openClient('b')];
  await a.start();
  await b.start();
  await a.waitForPhase('in-call');
  await a.page.keyboard.press('x');
  await expect(a.page.getByRole('button', { name: 'Start' })).toBeVisible();
  const tracks = await a.page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="local-video"]');
    const stream = video?.srcObject as MediaStream | null;
    return stream?.getTracks().map((track) => track.enabled) ?? [];
  });
  expect(tracks).toEqual([false, false]);
  await b.waitForPhase('searching');
});
