import { startTestServer } from '../support/test-server';
import { test, expect } from './harness/fixtures';

test('losing the server ends the call with a clear message, and the app reconnects by itself', async ({
  world,
  pairedClients: { a, b },
  expectPageErrors,
}) => {
  // Chromium itself logs each refused reconnection attempt; the app's own answer is what this test reads.
  expectPageErrors(/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/' failed/);
  await world.server.close();
  for (const client of [a, b]) {
    await expect(client.page.getByRole('alert')).toContainText('Lost the connection to Cam-Party');
    await expect(client.page.getByRole('button', { name: 'Start' })).toBeDisabled();
    await expect(client.page.getByRole('status', { name: 'Server: Offline' })).toBeVisible();
  }

  // The server comes back on the same port and database, with a new signing secret (as a
  // restarted process does): the apps must fetch fresh access tokens by themselves.
  const restarted = await startTestServer({ port: world.server.port, databasePath: world.server.databasePath });
  try {
    for (const client of [a, b]) {
      await expect(client.page.getByRole('button', { name: 'Start' })).toBeEnabled();
      await expect(client.page.getByRole('status').filter({ hasText: 'Connected to Cam-Party again' })).toBeVisible();
    }
    await a.start();
    await b.start();
    await a.waitForPhase('in-call');
    await b.waitForPhase('in-call');
  } finally {
    await restarted.close();
  }
});

test('a camera that cannot start says why and offers to try again', async ({ world }) => {
  const client = await world.openClient('a', {
    // The device fails the way a camera held by another app does.
    // (about:blank, before the app loads, is not a secure context and has no mediaDevices.)
    initScript: `if (navigator.mediaDevices) navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Device in use', 'NotReadableError'));`,
  });
  await expect(client.page.getByRole('alert')).toContainText('busy in another app');
  await expect(client.page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(client.page.getByRole('button', { name: 'Start' })).toBeDisabled();
});

test('a camera that is unplugged mid-call is reported', async ({ pairedClients: { a } }) => {
  // Stopping the capture track from outside is what the browser does when the device goes away.
  await a.page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="local-video"]');
    const stream = video?.srcObject as MediaStream;
    stream.getVideoTracks().forEach((track) => {
      track.stop();
      track.dispatchEvent(new Event('ended'));
    });
  });
  await expect(a.page.getByRole('alert')).toContainText('camera or microphone stopped');
});
