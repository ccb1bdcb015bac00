import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';
import type { CallClient } from './harness/call-client';
import type { ReportRow } from '../../server/moderation/sqlite-report-repository';

const accountIdOf = (world: Parameters<Parameters<typeof test>[2]>[0]['world'], client: CallClient): string => {
  const state = world.personOf(client).services.account.state();
  if (state.status !== 'signed-in') throw new Error(`${client.name} is not signed in`);
  return state.account.id;
};

test('one press of R files a complete report at once; the form then adds reason, details and, if ticked, a still frame', async ({
  world,
  pairedClients: { a, b },
}) => {
  await b.send('send me a gift card and I will show you');
  await expect(a.page.getByRole('log', { name: 'Messages' })).toContainText('gift card');

  await a.page.keyboard.press('r');
  const dialog = a.page.getByRole('dialog', { name: /Report R-\d+ filed/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('We respond within 24 hours');
  const rows = () => world.server.db.prepare('SELECT * FROM reports').all() as ReportRow[];
  expect(rows()).toHaveLength(1);
  const filed = rows()[0]!;
  expect(filed.reporter_account_id).toBe(accountIdOf(world, a));
  expect(filed.reported_account_id).toBe(accountIdOf(world, b));
  expect(JSON.parse(filed.chat_excerpt)).toEqual([
    expect.objectContaining({ from: 'stranger', text: 'send me a gift card and I will show you' }),
  ]);
  expect(filed.frame).toBeNull();
  await a.screenshot(path.join(SCREENSHOT_DIR, 'report-dialog.png'));

  await dialog.getByRole('radio', { name: 'The stranger asked for money or gifts' }).check();
  await dialog.getByRole('checkbox', { name: /Attach this still/ }).check();
  await dialog.getByRole('textbox', { name: /Anything else/ }).fill('kept asking for a gift card');
  await dialog.getByRole('button', { name: 'Add to the report' }).click();
  await expect(dialog.getByText('The details were added')).toBeVisible();
  const updated = rows()[0]!;
  expect(updated).toMatchObject({ id: filed.id, reason: 'money', details: 'kept asking for a gift card' });
  expect(updated.frame?.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  expect(rows()).toHaveLength(1);
});

test('a report filed as the partner skips still arrives complete', async ({ world, pairedClients: { a, b } }) => {
  const c = await world.openClient('c');
  await c.start();
  await Promise.all([b.page.keyboard.press('n'), a.page.keyboard.press('r')]);
  await expect(a.page.getByRole('dialog', { name: /Report R-\d+ filed/ })).toBeVisible();
  const row = world.server.db.prepare('SELECT reporter_account_id, reported_account_id FROM reports').get() as ReportRow;
  expect(row).toEqual({ reporter_account_id: accountIdOf(world, a), reported_account_id: accountIdOf(world, b) });
});

test('B blocks: the call ends and the two are not paired again, even after the blocked one restarts', async ({
  world,
  pairedClients: { a, b },
}) => {
  await a.page.keyboard.press('b');
  await expect(a.page.getByRole('status').filter({ hasText: 'Blocked.' })).toBeVisible();
  await b.waitForPhase('searching');
  expect(world.server.db.prepare('SELECT count(*) AS n FROM blocks').get()).toEqual({ n: 1 });

  // Each meets someone else (so the "just skipped" rule no longer keeps them apart), then both wait together.
  const [c, d] = [await world.openClient('c'), await world.openClient('d')];
  await c.start();
  await c.waitForPhase('in-call');
  await d.start();
  await d.waitForPhase('in-call');
  await a.waitForPhase('in-call');
  await b.waitForPhase('in-call');
  await c.stop();
  await d.stop();
  await a.waitForPhase('searching');
  await b.waitForPhase('searching');
  // The server pairs at the moment someone joins the queue: both still in it, after both joined, is the proof.
  await expect.poll(() => world.server.stats().waiting).toBe(2);
  expect([await a.phase(), await b.phase()]).toEqual(['searching', 'searching']);

  // Settings list the block, with Unblock (used at the end).
  await a.page.getByRole('button', { name: 'Settings' }).click();
  const blockedList = a.page.getByRole('list', { name: 'Blocked people' });
  await expect(blockedList.getByRole('listitem')).toHaveCount(1);
  await a.page.keyboard.press('Escape');

  // The blocked person restarts the app: still never paired with a.
  const { appData } = world.personOf(b);
  await b.close();
  const bAgain = await world.openClient('b-again', { appData });
  await bAgain.start();
  await bAgain.waitForPhase('searching');
  await expect.poll(() => world.server.stats().waiting).toBe(2);
  expect([await a.phase(), await bAgain.phase()]).toEqual(['searching', 'searching']);

  await a.page.getByRole('button', { name: 'Settings' }).click();
  await blockedList.getByRole('button', { name: /^Unblock/ }).click();
  await expect(a.page.getByText('You have not blocked anyone.')).toBeVisible();
  expect(world.server.db.prepare('SELECT count(*) AS n FROM blocks').get()).toEqual({ n: 0 });
});

test('"Report this message" under a red-flag warning files a report with that message as evidence', async ({
  world,
  pairedClients: { a, b },
}) => {
  await b.send('lets move this to telegram, add me there');
  // The sender's own guard asks first (another chat app is named); this stranger sends anyway.
  await b.page.getByRole('alertdialog', { name: 'Send anyway?' }).getByRole('button', { name: 'Send anyway' }).click();
  const note = a.page.getByRole('log', { name: 'Messages' }).getByRole('note', { name: 'Safety tip' });
  await note.getByRole('button', { name: 'Report this message' }).click();
  const dialog = a.page.getByRole('dialog', { name: /Report R-\d+ filed/ });
  await expect(dialog).toBeVisible();
  // The warning's category is already chosen in the form.
  await expect(dialog.getByRole('radio', { name: 'The stranger pressured to move to another app' })).toBeChecked();
  const row = world.server.db.prepare('SELECT reported_account_id, chat_excerpt FROM reports').get() as {
    reported_account_id: string;
    chat_excerpt: string;
  };
  expect(JSON.parse(row.chat_excerpt)).toEqual([
    expect.objectContaining({ from: 'stranger', text: 'lets move this to telegram, add me there' }),
  ]);
});
