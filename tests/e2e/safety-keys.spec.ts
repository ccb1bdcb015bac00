import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';
import { remoteBrightness } from './harness/call-client';
import { receivedAudioEnergyOver } from './harness/live-call';

/** Audio energy (level² × seconds) of hearing something: a level of 0.01 held for a second. */
const HEARD_ENERGY = 1e-4;
/** Of silence: under a level of 0.001 throughout. */
const SILENCE_ENERGY_PER_SECOND = 1e-6;

test('M mutes the outgoing audio (the partner hears silence), V blacks out the outgoing video, and both are shown', async ({
  pairedClients: { a, b },
}) => {
  // Chromium's fake microphone beeps once a second: some of it must be heard first.
  await expect.poll(() => receivedAudioEnergyOver(b, 1.2)).toBeGreaterThan(HEARD_ENERGY);
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
  // The badge on the stranger's video (the live region says it in words too).
  await expect(b.page.getByText('· Stranger muted')).toBeVisible();
  // A second and a half of b's received audio holds at least one beep, unless it is silenced.
  await expect.poll(() => receivedAudioEnergyOver(b, 1.5)).toBeLessThan(1.5 * SILENCE_ENERGY_PER_SECOND);

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

test('N and Escape skip, ? lists the shortcuts, and keys typed into the chat do nothing', async ({ world, pairedClients: { a, b } }) => {
  const c = await world.openClient('c');
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

test('X (panic) turns camera and microphone off and ends the call at once', async ({ pairedClients: { a, b } }) => {
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
