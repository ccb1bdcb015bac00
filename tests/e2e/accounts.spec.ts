import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { storedRefreshToken } from '../support/main-services';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';

async function signUpThroughTheForm(page: Page, email: string, username: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).last().click();
}

/** Every file under `dir` that holds `secret` as UTF-8, UTF-16 or base64. */
function filesHolding(dir: string, secret: string): string[] {
  const encodings = [Buffer.from(secret), Buffer.from(secret, 'utf16le'), Buffer.from(Buffer.from(secret).toString('base64'))];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => {
      const bytes = fs.readFileSync(file);
      return encodings.some((encoded) => bytes.includes(encoded));
    });
}

test('two people sign up in the app, are paired, and one restarts still signed in; no token or password on disk', async ({ world }) => {
  const alice = await world.openClient('alice', { account: 'none' });
  await expect(alice.page.getByRole('heading', { name: 'Create your Cam-Party account' })).toBeVisible();
  await alice.page.getByRole('textbox', { name: 'Username' }).fill('john1987');
  await expect(alice.page.getByText(/year/i).first()).toBeVisible();
  await alice.screenshot(path.join(SCREENSHOT_DIR, 'sign-up.png'));

  const alicePassword = 'alice has a long password';
  await signUpThroughTheForm(alice.page, 'alice@example.org', 'blue-kite', alicePassword);
  await expect(alice.page.getByRole('button', { name: 'Start' })).toBeEnabled();
  await expect(alice.page.getByRole('button', { name: 'Account: blue-kite' })).toBeVisible();

  const bob = await world.openClient('bob', { account: 'none' });
  await signUpThroughTheForm(bob.page, 'bob@example.org', 'quiet-fern', 'bob has a long password');
  await alice.start();
  await bob.start();
  await alice.waitForPhase('in-call');
  await bob.waitForPhase('in-call');

  // Restart: the same app data opened again, as after quitting and relaunching.
  const { appData, services } = world.personOf(alice);
  const accessToken = await services.account.socketAccessToken();
  if (!accessToken.ok) throw new Error(accessToken.error.message);
  await alice.close();
  const aliceAgain = await world.openClient('alice-again', { appData });
  await expect(aliceAgain.page.getByRole('button', { name: 'Account: blue-kite' })).toBeVisible();
  await aliceAgain.start();
  await bob.waitForPhase('in-call');
  await aliceAgain.waitForPhase('in-call');

  const refreshToken = await storedRefreshToken(appData);
  expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  for (const secret of [refreshToken!, accessToken.value, alicePassword]) {
    expect(filesHolding(appData.dir, secret)).toEqual([]);
    expect(filesHolding(path.dirname(world.server.databasePath), secret)).toEqual([]);
  }
});

test('signing out from the account panel returns to the sign-in screen and ends the session', async ({ world }) => {
  const client = await world.openClient('carol');
  await client.page.getByRole('button', { name: /^Account:/ }).click();
  const dialog = client.page.getByRole('dialog', { name: 'Your account' });
  await expect(dialog).toBeVisible();
  await client.screenshot(path.join(SCREENSHOT_DIR, 'account-panel.png'));
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(client.page.getByRole('heading', { name: 'Create your Cam-Party account' })).toBeVisible();
  expect(world.personOf(client).services.account.state()).toEqual({ status: 'signed-out' });
});

test('sign-in shows a clear error for a wrong password', async ({ world }) => {
  const client = await world.openClient('dave', { account: 'none' });
  await client.page.getByRole('button', { name: 'Sign in' }).first().click();
  await client.page.getByRole('textbox', { name: 'Email' }).fill('nobody@example.org');
  await client.page.getByLabel('Password').fill('not the password');
  await client.page.getByRole('form', { name: 'Sign in' }).getByRole('button', { name: 'Sign in' }).click();
  await expect(client.page.getByRole('alert')).toContainText('not right');
});
