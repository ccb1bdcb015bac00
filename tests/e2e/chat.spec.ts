import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';
import type { CallClient } from './harness/call-client';

/** At most this many messages go out in any five seconds (SEND_LIMIT in use-chat.ts). */
const SEND_LIMIT = 5;
/** Sends that may pass before one is refused: a slow machine spreads sends over more of the window. */
const SENDS_BEFORE_GIVING_UP = 4 * SEND_LIMIT;

async function say(client: CallClient, text: string): Promise<void> {
  await client.page.getByRole('textbox', { name: 'Message' }).fill(text);
  await client.page.getByRole('button', { name: 'Send' }).click();
}

/** Says `text`, then waits for the screen's answer: shown in the log (sent), or held back with a reason. */
async function sayAndSee(client: CallClient, text: string): Promise<'sent' | 'refused'> {
  await say(client, text);
  const sent = client.page.getByRole('log', { name: 'Messages' }).getByText(text, { exact: true });
  const refused = client.page.getByRole('alert').filter({ hasText: 'too fast' });
  await expect(sent.or(refused)).toBeVisible();
  return (await sent.isVisible()) ? 'sent' : 'refused';
}

test('two people chat over the data channel; links stay plain text; the chat clears when the call ends', async ({
  world,
  pairedClients: { a, b },
}) => {
  const c = await world.openClient('c');
  await a.page.getByRole('textbox', { name: 'Message' }).fill('hel');
  await expect(b.page.getByText('Stranger is typing…')).toBeVisible();
  await a.page.getByRole('textbox', { name: 'Message' }).fill('hello there, see https://example.org');
  await a.page.getByRole('textbox', { name: 'Message' }).press('Enter');
  const received = b.page.getByRole('log', { name: 'Messages' }).getByText('hello there, see https://example.org');
  await expect(received).toBeVisible();
  await expect(b.page.getByText('Stranger is typing…')).toBeHidden();
  await expect(b.page.getByRole('link')).toHaveCount(0);
  await say(b, 'hi! how is your day?');
  await expect(a.page.getByRole('log', { name: 'Messages' }).getByText('hi! how is your day?')).toBeVisible();
  await a.screenshot(path.join(SCREENSHOT_DIR, 'call-with-chat.png'));

  // Quick messages: once five went out within five seconds, the next is held back with a clear reason.
  let refusedText: string | undefined;
  for (let index = 1; index <= SENDS_BEFORE_GIVING_UP && !refusedText; index += 1) {
    if ((await sayAndSee(a, `quick ${index}`)) === 'refused') refusedText = `quick ${index}`;
  }
  expect(refusedText, `one of ${SENDS_BEFORE_GIVING_UP} quick messages is refused`).toBeDefined();
  // Once the window has passed, a later message goes out. The channel is ordered, so when b has
  // that one, the refused one would have arrived before it had it been sent.
  let laterText = '';
  let tries = 0;
  await expect(async () => {
    tries += 1;
    // A new text each try: a try that only looked refused (the earlier alert) cannot send one twice.
    laterText = `after a pause ${tries}`;
    expect(await sayAndSee(a, laterText)).toBe('sent');
  }).toPass();
  const bLog = b.page.getByRole('log', { name: 'Messages' });
  await expect(bLog.getByText(laterText, { exact: true })).toBeVisible();
  await expect(bLog.getByText(refusedText!, { exact: true })).toHaveCount(0);

  await c.start();
  await a.next();
  await a.waitForPhase('in-call');
  await expect(a.page.getByRole('log', { name: 'Messages' }).getByText('hi! how is your day?')).toHaveCount(0);
  await b.waitForPhase('searching');
  await expect(b.page.getByText('hello there', { exact: false })).toHaveCount(0);
});
