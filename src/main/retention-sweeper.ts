/**
 * Runs the retention sweep (chat logs and diagnostic logs) at start-up,
 * every hour, and whenever the retention setting changes, so nothing
 * outlives the person's choice.
 */
import type { ChatLogRetention } from '../shared/chat-log';
import type { SettingsStore } from './settings-store';

export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export type Sweep = (retention: ChatLogRetention) => Promise<unknown>;

export function startRetentionSweeper(
  sweeps: Sweep[],
  settings: SettingsStore,
  onError: (error: unknown) => void,
  timers: Timers = {
    setInterval: (callback, ms) => setInterval(callback, ms).unref(),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  },
): { stop(): void; sweptOnce: Promise<void> } {
  const sweep = async (): Promise<void> => {
    const retention = settings.read().chatLogRetention;
    for (const run of sweeps) await run(retention).catch(onError);
  };
  const sweptOnce = sweep();
  const interval = timers.setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  const unsubscribe = settings.onChange((next, previous) => {
    if (next.chatLogRetention !== previous.chatLogRetention) void sweep();
  });
  return {
    sweptOnce,
    stop: () => {
      timers.clearInterval(interval);
      unsubscribe();
    },
  };
}
