import fs from 'node:fs';
import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';

test('a red-flag message warns the receiver; the outgoing guard holds a phone number until confirmed; logs are encrypted', async ({
  world,
  pairedClients: { a, b },
}) => {
  const box = a.page.getByRole('textbox', { name: 'Message' });
  await box.fill('add me on whats app, my number is 415 555 0132');
  await box.press('Enter');
  const prompt = a.page.getByRole('alertdialog', { name: 'Send anyway?' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('phone number');
  await a.screenshot(path.join(SCREENSHOT_DIR, 'send-anyway.png'));
  await expect(b.page.getByRole('log', { name: 'Messages' })).not.toContainText('415 555 0132');
  await prompt.getByRole('button', { name: 'Send anyway' }).click();

  const received = b.page.getByRole('log', { name: 'Messages' });
  await expect(received).toContainText('415 555 0132');
  const note = received.getByRole('note', { name: 'Safety tip' });
  await expect(note).toBeVisible();
  await expect(note).toContainText(/leave|another app|platform/i);
  await b.screenshot(path.join(SCREENSHOT_DIR, 'red-flag.png'));

  // A harmless message gets no warning.
  await a.send('I live for music, what about you?');
  await expect(received).toContainText('I live for music');
  await expect(received.getByRole('note')).toHaveCount(1);

  // Both sides keep the conversation, encrypted: no message text anywhere in their app data.
  for (const client of [a, b]) {
    const { appData, services } = world.personOf(client);
    await expect.poll(async () => (await services.chatLogs.list()).length).toBe(1);
    const files = fs.readdirSync(appData.dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    for (const entry of files) {
      const bytes = fs.readFileSync(path.join(entry.parentPath, entry.name));
      for (const text of ['415 555 0132', 'I live for music', 'whats app'])
        expect(bytes.includes(Buffer.from(text)), `${entry.name}: ${text}`).toBe(false);
    }
  }
});
