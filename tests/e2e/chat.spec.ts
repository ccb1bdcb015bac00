import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';
import type { CallClient } from './harness/call-client';

/** At most this many messages go out in any five seconds (SEND_LIMIT in use-chat.ts). */
const SEND_LIMIT = 5;

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
  await a.send('hello there, see https://example.org');
  const received = b.page.getByRole('log', { name: 'Messages' }).getByText('hello there, see https://example.org');
  await expect(received).toBeVisible();
  await expect(b.page.getByText('Stranger is typing…')).toBeHidden();
  await expect(b.page.getByRole('link')).toHaveCount(0);
  await say(b, 'hi! how is your day?');
  await expect(a.page.getByRole('log', { name: 'Messages' }).getByText('hi! how is your day?')).toBeVisible();
  await a.screenshot(path.join(SCREENSHOT_DIR, 'call-with-chat.png'));

  // Quick messages: once five went out within five seconds, the next is held back with a clear reason.
  // a's wall clock stands still (timers keep running), so "within five seconds" holds however slow this machine is.
  // It stands ten seconds ahead, so the messages said above are out of the window.
  const frozenAt = Date.now() + 10_000;
  await a.page.clock.setFixedTime(frozenAt);
  for (let index = 1; index <= SEND_LIMIT; index += 1) expect(await sayAndSee(a, `quick ${index}`)).toBe('sent');
  const refusedText = `quick ${SEND_LIMIT + 1}`;
  expect(await sayAndSee(a, refusedText)).toBe('refused');
  // Five seconds later on a's clock, a later message goes out. The channel is ordered, so when b has
  // that one, the refused one would have arrived before it had it been sent.
  await a.page.clock.setFixedTime(frozenAt + 5_000);
  const laterText = 'after a pause';
  await say(a, laterText);
  await expect(a.page.getByRole('log', { name: 'Messages' }).getByText(laterText, { exact: true })).toBeVisible();
  const bLog = b.page.getByRole('log', { name: 'Messages' });
  await expect(bLog.getByText(laterText, { exact: true })).toBeVisible();
  await expect(bLog.getByText(refusedText, { exact: true })).toHaveCount(0);

  await c.start();
  await a.next();
  await a.waitForPhase('in-call');
  await expect(a.page.getByRole('log', { name: 'Messages' }).getByText('hi! how is your day?')).toHaveCount(0);
  await b.waitForPhase('searching');
  await expect(b.page.getByText('hello there', { exact: false })).toHaveCount(0);
});
