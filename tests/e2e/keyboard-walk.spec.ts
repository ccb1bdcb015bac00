/**
 * The keyboard-only walk: a person who never touches a mouse signs up,
 * starts a call, chats, mutes, reports with the form, blocks, opens the
 * settings and signs out. Focus only moves by Tab, Shift+Tab, Enter, Space,
 * Escape, arrows and the app's own keys; every screen passed is axe-clean
 * and photographed. The partner is driven any way.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ReportRow } from '../../server/moderation/sqlite-report-repository';
import { accessibilityViolations } from './harness/axe';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';
import { POINTER_EVENT_RECORDER, pointerEventsSeen, tabTo } from './harness/keyboard';

// Eight screens, each with an axe run: the limit only bounds a hang, on a machine as busy as it gets.
test.describe.configure({ timeout: 600_000 });

let screens = 0;
/** One screen of the walk: no accessibility violation, and a picture of it to look at. */
async function checkScreen(page: Page, screen: string): Promise<void> {
  screens += 1;
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `keyboard-walk-${screens}-${screen}.png`) });
  expect(await accessibilityViolations(page), `axe on the ${screen} screen`).toEqual([]);
}

test('sign up, call, chat, mute, report, block, settings and sign out with the keyboard alone', async ({ world }) => {
  const walker = await world.openClient('walker', { account: 'none', initScript: POINTER_EVENT_RECORDER });
  const { page } = walker;

  // Sign up.
  const signUp = page.getByRole('form', { name: 'Create account' });
  await expect(page.getByRole('heading', { name: 'Create your Cam-Party account' })).toBeVisible();
  await checkScreen(page, 'sign-up');
  await tabTo(page, signUp.getByRole('textbox', { name: 'Email' }));
  await page.keyboard.type(`walker-${process.pid}@example.org`);
  await tabTo(page, signUp.getByRole('textbox', { name: 'Username' }));
  await page.keyboard.type('quiet-walker');
  await tabTo(page, signUp.getByLabel('Password'));
  await page.keyboard.type('walking with only a keyboard');
  await tabTo(page, signUp.getByRole('button', { name: 'Create account' }));
  await page.keyboard.press('Enter');

  // The lobby, then a call with a partner driven any way.
  const start = page.getByRole('button', { name: 'Start' });
  await expect(start).toBeEnabled();
  await checkScreen(page, 'lobby');
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  await walker.waitForPhase('searching');
  const partner = await world.openClient('partner');
  await partner.start();
  await walker.waitForPhase('in-call');
  await partner.waitForPhase('in-call');

  // Chat.
  const message = page.getByRole('textbox', { name: 'Message' });
  await expect(message).toBeEnabled();
  await tabTo(page, message);
  await page.keyboard.type('hello from the keyboard');
  await page.keyboard.press('Enter');
  await expect(partner.page.getByRole('log', { name: 'Messages' })).toContainText('hello from the keyboard');
  await checkScreen(page, 'in-call');

  // Mute, from its button.
  const controls = page.getByRole('navigation', { name: 'Call and safety controls' });
  await tabTo(page, controls.getByRole('button', { name: /^Mute/ }), { backwards: true });
  await page.keyboard.press('Space');
  const unmute = controls.getByRole('button', { name: /^Unmute/ });
  await expect(unmute).toHaveAttribute('aria-pressed', 'true');
  await expect(unmute).toBeFocused();

  // Report with the app's key: the dialog takes focus, the form is filled by keyboard, Escape gives focus back.
  await page.keyboard.press('r');
  const report = page.getByRole('dialog', { name: /Report R-\d+ filed/ });
  await expect(report).toBeVisible();
  await expect(report.getByRole('button', { name: 'Close the report' })).toBeFocused();
  await checkScreen(page, 'report-dialog');
  const reasons = report.getByRole('radio');
  await tabTo(page, reasons.first());
  const money = report.getByRole('radio', { name: 'The stranger asked for money or gifts' });
  for (let presses = 0; presses < (await reasons.count()) && !(await money.isChecked()); presses += 1) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(money).toBeChecked();
  await tabTo(page, report.getByRole('textbox', { name: /Anything else/ }));
  await page.keyboard.type('asked me for a gift card');
  await tabTo(page, report.getByRole('button', { name: 'Add to the report' }));
  await page.keyboard.press('Enter');
  await expect(report.getByText('The details were added')).toBeVisible();
  expect(world.server.db.prepare('SELECT reason, details FROM reports').all()).toEqual([
    { reason: 'money', details: 'asked me for a gift card' } satisfies Partial<ReportRow>,
  ]);
  await page.keyboard.press('Escape');
  await expect(report).toBeHidden();
  await expect(unmute, 'focus returns to the control it was on when the report opened').toBeFocused();

  // Block with the app's key: the call ends, the notice says so.
  await page.keyboard.press('b');
  await expect(page.getByRole('status').filter({ hasText: 'Blocked.' })).toBeVisible();
  await walker.waitForPhase('searching');
  await checkScreen(page, 'blocked-notice');

  // Settings from the top bar: the blocked partner is listed.
  const settingsButton = page.getByRole('button', { name: 'Settings' });
  await tabTo(page, settingsButton, { backwards: true });
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('button', { name: 'Close settings' })).toBeFocused();
  const partnerState = world.personOf(partner).services.account.state();
  if (partnerState.status !== 'signed-in') throw new Error('the partner is signed in');
  await expect(settings.getByRole('list', { name: 'Blocked people' })).toContainText(partnerState.account.username);
  await checkScreen(page, 'settings');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(settingsButton).toBeFocused();

  // Sign out from the account dialog.
  await page.keyboard.press('Tab');
  const accountButton = page.getByRole('button', { name: 'Account: quiet-walker' });
  await expect(accountButton).toBeFocused();
  await page.keyboard.press('Enter');
  const account = page.getByRole('dialog', { name: 'Your account' });
  await expect(account.getByRole('button', { name: 'Close account settings' })).toBeFocused();
  await checkScreen(page, 'account');
  await tabTo(page, account.getByRole('button', { name: 'Sign out' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Create your Cam-Party account' })).toBeVisible();
  await checkScreen(page, 'signed-out');
  expect(world.personOf(walker).services.account.state()).toEqual({ status: 'signed-out' });

  expect(await pointerEventsSeen(page), 'no pointer or mouse event reached the page').toEqual([]);
});
