/**
 * Failures are values, end to end: with the server stopped, with it
 * answering 500 to everything, and with the system keychain locked, every
 * action a person takes ends in a sentence they can read, shown where they
 * are looking (role=alert), and a control they can use again. Report and
 * Block need a call, so two people are paired on the working server first;
 * the server's HTTP side then fails under their open call.
 */
import type { Locator, Page } from 'playwright-core';
import { newPersonDetails } from './harness/call-world';
import { pairInACall } from './harness/fixtures';
import { test, expect, type FaultyWorld } from './harness/faulty-world';
import { lockableKeychain } from './harness/lockable-keychain';

/** What no person should ever be shown: a stack, a type name, an empty value. */
const NOT_FOR_PEOPLE = /undefined|null|NaN|\[object|Error:|\bat \S+ \(|ECONN|fetch failed|<\/?\w+>/;

async function expectReadableAlert(alert: Locator, reason: RegExp): Promise<void> {
  await expect(alert).toContainText(reason);
  await expect(alert).not.toContainText(NOT_FOR_PEOPLE);
}

/** The form's fields take typing again and its button is no longer waiting. */
async function expectFormUsable(form: Locator, button: string): Promise<void> {
  const submit = form.getByRole('button', { name: button, exact: true });
  await expect(submit).toBeEnabled();
  await expect(submit).not.toHaveAttribute('aria-busy');
  for (const field of await form.getByRole('textbox').all()) await expect(field).toBeEditable();
}

async function signUpThroughTheForm(page: Page, details: { email: string; username: string; password: string }): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Create account' });
  await form.getByRole('textbox', { name: 'Email' }).fill(details.email);
  await form.getByRole('textbox', { name: 'Username' }).fill(details.username);
  await form.getByLabel('Password').fill(details.password);
  await form.getByRole('button', { name: 'Create account' }).click();
  return form;
}

/** Signs up, then tries to sign in with the same details: each form shows `reason` and stays usable. */
async function expectSignUpAndSignInRefused(page: Page, details: { email: string; username: string; password: string }, reason: RegExp) {
  const signUp = await signUpThroughTheForm(page, details);
  await expectReadableAlert(signUp.getByRole('alert'), reason);
  await expectFormUsable(signUp, 'Create account');
  const signIn = await signInThroughTheForm(page, details);
  await expectReadableAlert(signIn.getByRole('alert'), reason);
  await expectFormUsable(signIn, 'Sign in');
  return signIn;
}

async function signInThroughTheForm(page: Page, details: { email: string; password: string }): Promise<Locator> {
  await page.getByRole('group', { name: 'Account' }).getByRole('button', { name: 'Sign in' }).click();
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(details.email);
  await form.getByLabel('Password').fill(details.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  return form;
}

// Three people, a call and eleven failures each: the limit only bounds a hang on a busy machine.
test.describe.configure({ timeout: 360_000 });

const BREAKS = [
  { failure: 'stopped', breakServer: (world: FaultyWorld) => world.front.stop(), reason: /Cannot reach the Cam-Party server/ },
  { failure: 'answering 500', breakServer: (world: FaultyWorld) => world.front.answer500(), reason: /server has a problem right now/ },
] as const;

for (const { failure, breakServer, reason } of BREAKS) {
  test(`with the server ${failure}: report, block, settings, sign up and sign in say why and stay usable`, async ({
    faultyWorld: world,
  }) => {
    const { a } = await pairInACall(world);
    const newcomer = await world.openClient('newcomer', { account: 'none' });
    breakServer(world);

    // Report: filed at once, so the failure shows in the report dialog.
    await a.page.keyboard.press('r');
    const report = a.page.getByRole('dialog', { name: 'The report could not be sent' });
    await expectReadableAlert(report.getByRole('alert'), reason);

    // Block, from the same dialog: the notice says why, and the call's Block is there to press again.
    await report.getByRole('button', { name: 'Block and skip' }).click();
    await expect(report).toBeHidden();
    await expectReadableAlert(a.page.getByRole('alert').filter({ hasText: 'Could not block' }), reason);
    const controls = a.page.getByRole('navigation', { name: 'Call and safety controls' });
    await expect(controls.getByRole('button', { name: /^Block/ })).toBeEnabled();
    await expect(controls.getByRole('button', { name: /^Report/ })).toBeEnabled();

    // Settings: the blocked list cannot be read; the rest of the panel works and Try again asks again.
    await a.page.getByRole('button', { name: 'Settings' }).click();
    const settings = a.page.getByRole('dialog', { name: 'Settings' });
    const blocked = settings.getByRole('region', { name: 'Blocked people' });
    await expectReadableAlert(blocked.getByRole('alert'), reason);
    await blocked.getByRole('button', { name: 'Try again' }).click();
    await expectReadableAlert(blocked.getByRole('alert'), reason);
    await expect(blocked.getByRole('button', { name: 'Try again' })).toBeEnabled();
    await expect(settings.getByRole('checkbox').first()).toBeEnabled();
    await settings.getByRole('button', { name: 'Close settings' }).click();

    // Sign up and sign in on a signed-out app.
    await expectSignUpAndSignInRefused(newcomer.page, newPersonDetails('newcomer'), reason);
  });
}

test('with the keychain locked: sign up and sign in say why and stay usable, and work once it is unlocked', async ({
  faultyWorld: world,
}) => {
  const keychain = lockableKeychain();
  const person = await world.openClient('locked', { account: 'none', keychain });
  keychain.lock();
  const notKept = /could not keep your sign-in on this computer/;

  // The account exists after sign-up; the sign-in it started could not be kept, nor the one tried next.
  const signIn = await expectSignUpAndSignInRefused(person.page, newPersonDetails('locked'), notKept);

  keychain.unlock();
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(person.page.getByRole('button', { name: 'Start' })).toBeEnabled();

  // Signed in, the keychain locked again: settings come from their own store and still open clean.
  keychain.lock();
  await person.page.getByRole('button', { name: 'Settings' }).click();
  const settings = person.page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('list', { name: 'Blocked people' }).or(settings.getByText('You have not blocked anyone.'))).toBeVisible();
  await expect(settings.getByRole('alert')).toHaveCount(0);
});
