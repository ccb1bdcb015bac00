import fs from 'node:fs';
import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';

test('settings: chat history can be read and deleted, retention changes sweep, shortcuts rebind and refuse conflicts', async ({
  world,
  pairedClients: { a, b },
}) => {
  await b.send('hello from b');
  await expect(a.page.getByRole('log', { name: 'Messages' })).toContainText('hello from b');
  await a.stop();

  await a.page.getByRole('button', { name: 'Settings' }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Settings' });
  const kept = dialog.getByRole('list', { name: 'Kept conversations' });
  await expect(kept.getByRole('listitem')).toHaveCount(1);
  await kept.getByRole('button', { name: 'View' }).click();
  await expect(dialog.getByLabel('Conversation', { exact: true })).toContainText('hello from b');

  // Rebinding: Mute to "k" works; Block's "b" is taken, so giving it to Mute is refused.
  await dialog.getByRole('button', { name: 'Change the key for Mute or unmute microphone' }).click();
  await a.page.keyboard.press('k');
  await expect(dialog.getByRole('row', { name: /Mute or unmute microphone/ })).toContainText('K');
  await dialog.getByRole('button', { name: 'Change the key for Mute or unmute microphone' }).click();
  await a.page.keyboard.press('b');
  await expect(dialog.getByRole('alert')).toContainText('already the key for Block');
  await a.screenshot(path.join(SCREENSHOT_DIR, 'settings.png'));
  expect(world.personOf(a).services.settings.read().callKeys).toEqual({ 'call.toggle-microphone': ['k'] });

  // "Don't keep chat logs" deletes what was kept, from disk.
  await dialog.getByLabel('Keep conversations for').selectOption('off');
  await expect(kept).toBeHidden();
  const logFolder = path.join(world.personOf(a).appData.dir, 'chat-logs');
  await expect.poll(() => fs.readdirSync(logFolder).length).toBe(0);
});
