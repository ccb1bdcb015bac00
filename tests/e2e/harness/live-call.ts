/**
 * What "the call is live" means to the person in it, as waits that count
 * events (frames painted, audio packets) and never assume how many of
 * them a second brings: a slow or busy machine only takes longer.
 */
import { expect } from '@playwright/test';
import type { CallClient } from './call-client';

/** Waits until `frames` more frames of the stranger's video have been painted. */
export async function expectRemoteFramesAdvance(client: CallClient, frames = 3): Promise<void> {
  const painted = async (): Promise<number> => (await client.remoteVideo()).framesPainted;
  const target = (await painted()) + frames;
  await expect.poll(painted, { message: `${client.name} sees the stranger's video advance` }).toBeGreaterThanOrEqual(target);
}

/** In a call, seeing the stranger's video move and receiving their audio. */
export async function expectLiveCall(client: CallClient): Promise<void> {
  await client.waitForPhase('in-call');
  await expectRemoteFramesAdvance(client);
  await expect
    .poll(async () => (await client.inboundMedia()).audioPacketsReceived, { message: `${client.name} receives audio` })
    .toBeGreaterThan(10);
}

/**
 * The audio energy the client receives over the next `seconds` of the stranger's audio, measured
 * on the audio's own clock (seconds played out), so a slow machine measures the same stretch.
 */
export async function receivedAudioEnergyOver(client: CallClient, seconds: number): Promise<number> {
  const start = await client.inboundMedia();
  let end = start;
  await expect
    .poll(async () => (end = await client.inboundMedia()).audioSecondsReceived, { message: `${client.name} keeps receiving audio` })
    .toBeGreaterThanOrEqual(start.audioSecondsReceived + seconds);
  return end.totalAudioEnergy - start.totalAudioEnergy;
}
