import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';
import type { CallClient } from './harness/call-client';

async function say(client: CallClient, text: string): Promise<void> {
  await client.page.getByRole('textbox', { name: 'Message' }).fill(text);
  await client.page.getByRole('button', { name: 'Send' }).click();
}

test('two people chat over the data channel; links stay plain text; the chat clears when the call ends', async ({ world }) => {
  const [a, b, c] = [await world.openClient('a'), await world.openClient('b'), await world.openClient('c')];
  await a.start();
  await b.start();
  await a.waitForPhase('in-call');
  await b.waitForPhase('in-call');

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

  // Six quick messages: the sixth is held back with a clear reason.
  for (let index = 1; index <= 5; index += 1) await say(a, `quick ${index}`);
  await say(a, 'quick 6');
  await expect(a.page.getByRole('alert')).toContainText('too fast');
  await expect(b.page.getByRole('log', { name: 'Messages' }).getByText('quick 6')).toHaveCount(0);

  await c.start();
  await a.next();
  await a.waitForPhase('in-call');
  await expect(a.page.getByRole('log', { name: 'Messages' }).getByText('hi! how is your day?')).toHaveCount(0);
  await b.waitForPhase('searching');
  await expect(b.page.getByText('hello there', { exact: false })).toHaveCount(0);
});
