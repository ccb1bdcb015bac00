import { accessibilityViolations } from './harness/axe';
import { test, expect } from './harness/fixtures';

test('the lobby, searching and call views have no accessibility violations, and every control has a name', async ({ world }) => {
  const a = await world.openClient('a');
  await expect(a.page.getByRole('button', { name: 'Start' })).toBeEnabled();
  expect(await accessibilityViolations(a.page)).toEqual([]);

  await a.start();
  await a.waitForPhase('searching');
  expect(await accessibilityViolations(a.page)).toEqual([]);

  const b = await world.openClient('b');
  await b.start();
  await a.waitForPhase('in-call');
  expect(await accessibilityViolations(a.page)).toEqual([]);

  const unnamed = await a.page.evaluate(() =>
    [...document.querySelectorAll('button, select, input, video')]
      .filter((element) => {
        const labelled = element.getAttribute('aria-label') || element.textContent?.trim();
        const byLabel = element.id && document.querySelector(`label[for="${element.id}"]`);
        return !labelled && !byLabel;
      })
      .map((element) => element.outerHTML.slice(0, 80)),
  );
  expect(unnamed).toEqual([]);
});

test('the call can be driven with the keyboard alone', async ({ world }) => {
  const [a, b] = [await world.openClient('a'), await world.openClient('b')];
  await expect(a.page.getByRole('button', { name: 'Start' })).toBeEnabled();
  await a.page.getByRole('button', { name: 'Start' }).focus();
  await a.page.keyboard.press('Enter');
  await a.waitForPhase('searching');
  await b.start();
  await a.waitForPhase('in-call');
  await a.page.getByRole('button', { name: 'Stop' }).focus();
  await a.page.keyboard.press('Space');
  await expect(a.page.getByRole('button', { name: 'Start' })).toBeVisible();
});

test('the dialogs (settings, account, shortcuts, report) have no accessibility violations', async ({ pairedClients: { a } }) => {
  await a.page.getByRole('button', { name: 'Settings' }).click();
  await expect(a.page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  expect(await accessibilityViolations(a.page)).toEqual([]);
  await a.page.keyboard.press('Escape');
  await a.page.getByRole('button', { name: /^Account:/ }).click();
  await expect(a.page.getByRole('dialog', { name: 'Your account' })).toBeVisible();
  expect(await accessibilityViolations(a.page)).toEqual([]);
  await a.page.keyboard.press('Escape');

  await a.page.keyboard.press('?');
  await expect(a.page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await accessibilityViolations(a.page)).toEqual([]);
  await a.page.keyboard.press('?');
  await a.page.keyboard.press('r');
  await expect(a.page.getByRole('dialog', { name: /Report R-\d+ filed/ })).toBeVisible();
  expect(await accessibilityViolations(a.page)).toEqual([]);
});
