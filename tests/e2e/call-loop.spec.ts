import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { socketProtocolsFor } from '../../src/shared/accounts-api';
import { test, expect, SCREENSHOT_DIR } from './harness/fixtures';
import { expectLiveCall } from './harness/live-call';
import { BRIDGE_EVENT_NAMES, BRIDGE_METHOD_NAMES, type CamPartyBridge } from '../../src/shared/bridge-contract';

test.beforeAll(() => fs.mkdirSync(SCREENSHOT_DIR, { recursive: true }));

test('two people are paired, see and hear each other, and the data channel round-trips', async ({ world }) => {
  const alice = await world.openClient('alice');
  await expect(alice.page.getByRole('button', { name: 'Start' })).toBeEnabled();
  await alice.screenshot(path.join(SCREENSHOT_DIR, 'lobby.png'));

  await alice.start();
  await alice.waitForPhase('searching');
  await expect(alice.page.getByRole('status').filter({ hasText: 'Looking for someone' })).toBeVisible();
  await alice.screenshot(path.join(SCREENSHOT_DIR, 'searching.png'));

  const bob = await world.openClient('bob');
  await bob.start();
  await expectLiveCall(alice);
  await expectLiveCall(bob);

  const energyBefore = (await bob.inboundMedia()).totalAudioEnergy;
  await expect.poll(async () => (await bob.inboundMedia()).totalAudioEnergy).toBeGreaterThan(energyBefore);

  // The round-trip time shown in the call comes from a ping and pong over the data channel.
  await expect(alice.page.getByTestId('round-trip')).toHaveText(/\d+ ms/);
  await expect(bob.page.getByTestId('round-trip')).toHaveText(/\d+ ms/);
  // The call as people see it once the safety filter has checked the stranger's video.
  await alice.page.locator('[data-testid="filtered-remote-video"][data-filter-reason="none"]').waitFor();
  await alice.screenshot(path.join(SCREENSHOT_DIR, 'call.png'));

  for (const client of [alice, bob]) {
    expect([...client.contactedHosts].every((host) => host.startsWith('127.0.0.1:'))).toBe(true);
  }
});

test("the stranger's first frames come at half size, so they arrive sooner, then full size", async ({ world }) => {
  const [alice, bob] = [await world.openClient('alice'), await world.openClient('bob')];
  await alice.start();
  await alice.waitForPhase('searching');
  await bob.start();
  await expectLiveCall(bob);
  // Every size bob's view of alice took, in order, from its very first frame (see remote-video-watch).
  const sizes = async (): Promise<string[]> => (await bob.remoteVideo()).sizes;
  await expect.poll(sizes, { message: "bob's view of alice reaches full size" }).toContain('640x480');
  expect((await sizes())[0]).toBe('320x240');
});

test('Next gives the skipper a new partner with video, and the one left behind waits', async ({ world, pairedClients: { a, b } }) => {
  const c = await world.openClient('c');
  await expectLiveCall(a);
  await expectLiveCall(b);
  await c.start();
  await c.waitForPhase('searching');

  await a.next();
  // a is paired with c at once; b was skipped, so it is not paired with a again.
  await expectLiveCall(a);
  await expectLiveCall(c);
  await b.waitForPhase('searching');
  await expect(b.page.getByRole('status').filter({ hasText: 'moved on' })).toBeVisible();
});

test('closing the app frees the partner, who is paired again', async ({ world, pairedClients: { a, b } }) => {
  await expectLiveCall(b);

  await a.close();
  await b.waitForPhase('searching');
  const c = await world.openClient('c');
  await c.start();
  await expectLiveCall(b);
  await expectLiveCall(c);
});

test('Stop ends the call for both, Cancel leaves the queue', async ({ world, pairedClients: { a, b } }) => {
  await expectLiveCall(a);

  await a.stop();
  await expect(a.page.getByRole('button', { name: 'Start' })).toBeVisible();
  await b.waitForPhase('searching');
  await expect(b.page.getByRole('status').filter({ hasText: 'ended the call' })).toBeVisible();
  // b really is back in the queue, as its screen says.
  await expect.poll(() => world.server.stats().waiting).toBe(1);

  await b.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(b.page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect.poll(() => world.server.stats().waiting).toBe(0);
});

test('a malformed message gets an error and the pairs keep talking', async ({ world, pairedClients: { a, b } }) => {
  await expectLiveCall(a);

  // A signed-in client that misbehaves: the server must answer it and keep everyone else's calls.
  const token = await world.personOf(a).services.account.socketAccessToken();
  if (!token.ok) throw new Error(token.error.message);
  const rogue = new WebSocket(world.server.url, socketProtocolsFor(token.value));
  const replies: unknown[] = [];
  rogue.on('message', (data) => replies.push(JSON.parse(String(data))));
  await new Promise((resolve) => rogue.once('open', resolve));
  rogue.send('{"type":"signal","pairId":"nope","data":{"type":"offer"}}');
  rogue.send('not json at all');
  rogue.send(JSON.stringify({ type: 'next' }));
  await expect
    .poll(() => replies.filter((reply) => (reply as { type: string }).type === 'error').map((reply) => (reply as { code: string }).code))
    .toEqual(['bad-message', 'bad-json', 'not-in-call']);
  rogue.close();

  await expectLiveCall(a);
  await expectLiveCall(b);
});

test('the bridge answers bad input with a refusal, not a throw, and has nothing beyond the contract', async ({ world }) => {
  const client = await world.openClient('a');
  const result = await client.page.evaluate(async () => {
    const bridge = (window as unknown as { camParty: Record<string, unknown> }).camParty;
    return {
      badInput: await (bridge.getAppInfo as (input: unknown) => Promise<unknown>)({ evil: true }),
      methods: Object.keys(bridge).sort(),
      hasIpc: 'ipcRenderer' in bridge || 'send' in bridge || 'invoke' in bridge,
      info: await (window as unknown as { camParty: CamPartyBridge }).camParty.getAppInfo(),
    };
  });
  expect(result.badInput).toMatchObject({ ok: false, error: { code: 'bridge-refused' } });
  expect(result.methods).toEqual([...BRIDGE_METHOD_NAMES, ...BRIDGE_EVENT_NAMES].sort());
  expect(result.hasIpc).toBe(false);
  expect(result.info).toMatchObject({ ok: true, value: { name: 'Cam-Party' } });
});
