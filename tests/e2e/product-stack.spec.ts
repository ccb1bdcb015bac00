/**
 * The product as `npm start` runs it, end to end: the local stack on its
 * data folder; a person turns on 2FA and signs in on a second computer with
 * a code; a call, a report from the safety panel and a block; the real
 * `npm run moderate` (finding the token and address `npm start` left in the
 * folder) lists and resolves the report; the suspended person's app is
 * refused at its next start and says why.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';
import { startLocalStackWorld, type LocalStackWorld } from './harness/local-stack-world';

const stackTest = test.extend<{ local: LocalStackWorld }>({
  local: async ({ browser, pageProblems }, use) => {
    const local = await startLocalStackWorld(browser);
    await use(local);
    for (const client of local.world.clients) pageProblems.include(client.problems);
    await local.close();
  },
});

const alice = { email: 'alice@example.org', username: 'blue-kite', password: 'alice has a long password' };
const bob = { email: 'bob@example.org', username: 'quiet-fern', password: 'bob has a long password' };

async function signUp(page: Page, person: typeof alice): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(person.email);
  await page.getByRole('textbox', { name: 'Username' }).fill(person.username);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await expect(page.getByRole('button', { name: `Account: ${person.username}` })).toBeVisible();
}

/** What the person's authenticator app shows, `stepsAhead` periods from now. */
function authenticatorCode(secret: string, stepsAhead = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  return totp.generate({ timestamp: Date.now() + stepsAhead * totp.period * 1000 });
}

stackTest(
  "npm start's stack: 2FA sign-in on a second computer, report and block in a call, npm run moderate suspends, the app is refused at its next start",
  async ({ local }) => {
    // Four app windows, two command-line runs and production-cost password hashing: on a busy
    // two-core machine this takes most of the default bound, so it gets three times as long.
    stackTest.slow();
    const { world } = local;

    // Alice signs up and turns on two-factor authentication with the key the app shows.
    const aliceFirst = await world.openClient('alice-first-computer', { account: 'none' });
    await signUp(aliceFirst.page, alice);
    await aliceFirst.page.getByRole('button', { name: /^Account:/ }).click();
    const accountDialog = aliceFirst.page.getByRole('dialog', { name: 'Your account' });
    await accountDialog.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const secret = (await accountDialog.locator('.totp-secret').textContent())!.trim();
    await accountDialog.getByRole('textbox', { name: '6-digit code' }).fill(authenticatorCode(secret));
    await accountDialog.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await expect(accountDialog.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
    await accountDialog.getByRole('button', { name: 'Sign out' }).click();
    await expect(aliceFirst.page.getByRole('heading', { name: 'Create your Cam-Party account' })).toBeVisible();

    // On a second computer (its own app data) she signs in with her password, then a code.
    const aliceSecond = await world.openClient('alice-second-computer', { account: 'none' });
    const { appData: aliceAppData } = world.personOf(aliceSecond);
    await aliceSecond.page.getByRole('button', { name: 'Sign in' }).first().click();
    const signIn = aliceSecond.page.getByRole('form', { name: 'Sign in' });
    await signIn.getByRole('textbox', { name: 'Email' }).fill(alice.email);
    await signIn.getByLabel('Password').fill(alice.password);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    const codeField = signIn.getByRole('textbox', { name: 'Code from your authenticator app' });
    // Each time step works once and confirming used the current one: the app's next code (one step of clock skew is allowed).
    await codeField.fill(authenticatorCode(secret, 1));
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect(aliceSecond.page.getByRole('button', { name: `Account: ${alice.username}` })).toBeVisible();

    // Bob signs up; the two are paired.
    const bobClient = await world.openClient('bob', { account: 'none' });
    await signUp(bobClient.page, bob);
    await aliceSecond.start();
    await bobClient.start();
    await aliceSecond.waitForPhase('in-call');
    await bobClient.waitForPhase('in-call');

    // Bob reports Alice from the safety panel, adds what happened, and blocks her.
    await bobClient.page
      .getByRole('navigation', { name: 'Call and safety controls' })
      .getByRole('button', { name: /^Report/ })
      .click();
    const reportDialog = bobClient.page.getByRole('dialog', { name: /Report R-\d+ filed/ });
    await expect(reportDialog).toBeVisible();
    const reportNumber = /R-\d+/.exec((await reportDialog.getByRole('heading').first().textContent())!)![0];
    await reportDialog.getByRole('radio', { name: 'The stranger harassed or threatened me' }).check();
    await reportDialog.getByRole('textbox', { name: /Anything else/ }).fill('kept threatening me after I said stop');
    await reportDialog.getByRole('button', { name: 'Add to the report' }).click();
    await expect(reportDialog.getByText(`The details were added to report ${reportNumber}`)).toBeVisible();
    await reportDialog.getByRole('button', { name: 'Block and skip' }).click();
    await expect(bobClient.page.getByRole('status').filter({ hasText: 'Blocked.' })).toBeVisible();
    await aliceSecond.waitForPhase('searching');

    // The moderator's command line finds the local server and its token in the data folder.
    const listed = await local.npmRun('moderate', ['list']);
    expect(listed, listed.stderr).toMatchObject({ code: 0 });
    expect(listed.stdout).toContain('1 open report, oldest first:');
    const reportLine = listed.stdout.split('\n').find((line) => line.startsWith(reportNumber));
    expect(reportLine).toContain(`about ${alice.username}`);
    expect(reportLine).toContain('harassment or threats');

    const resolved = await local.npmRun('moderate', [
      'resolve',
      reportNumber,
      '--action',
      'suspend',
      '--days',
      '7',
      '--note',
      'Threats confirmed by the reporter; first offence.',
    ]);
    expect(resolved, resolved.stderr).toMatchObject({ code: 0 });
    expect(resolved.stdout).toMatch(new RegExp(`${reportNumber} resolved: suspend for 7 days\\. The account is now suspended until `));

    // Alice quits and opens the app again: still signed in, and refused when she presses Start, with the reason.
    await aliceSecond.close();
    const aliceRestarted = await world.openClient('alice-restarted', { appData: aliceAppData });
    await expect(aliceRestarted.page.getByRole('button', { name: `Account: ${alice.username}` })).toBeVisible();
    await aliceRestarted.start();
    const refusal = aliceRestarted.page.getByRole('alert');
    await expect(refusal).toContainText('Your account is suspended from matching until');
    await expect(refusal).toContainText('A moderator suspended this account for 7 days after a report (harassment or threats).');
    await expect(aliceRestarted.page.getByRole('button', { name: 'Start' })).toBeVisible();
    await aliceRestarted.screenshot(path.join(SCREENSHOT_DIR, 'suspended-at-start.png'));
  },
);
