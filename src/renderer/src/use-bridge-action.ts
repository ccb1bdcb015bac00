/**
 * One thing a button or form waits for: `busy` while it runs, the failure
 * to show when it ends badly, and `cancel()`. Busy is cleared in `finally`,
 * so whatever the call does (refuse, time out, throw) the control comes
 * back usable; a second press while it runs is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BridgeError, BridgeReply } from '../../shared/bridge-contract';
import { APP_BROKEN, isCancelled } from './bridge';

export interface BridgeAction {
  busy: boolean;
  /** Why the last run failed, in words for people; null after a success or a cancel. */
  error: BridgeError | null;
  /** Runs `call` unless a run is already under way (then resolves to null). Never rejects. */
  run<T>(call: (signal: AbortSignal) => Promise<BridgeReply<T>>): Promise<BridgeReply<T> | null>;
  /** Stops waiting for the current run: the control is usable again at once. */
  cancel(): void;
  /** Forgets the shown error (the person changed what the error was about). */
  clearError(): void;
}

export function useBridgeAction(): BridgeAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const running = useRef<AbortController | null>(null);
  // Leaving the screen stops the wait; its answer would have nowhere to go.
  useEffect(
    () => () => {
      running.current?.abort();
      running.current = null;
    },
    [],
  );

  const run = useCallback(async <T>(call: (signal: AbortSignal) => Promise<BridgeReply<T>>): Promise<BridgeReply<T> | null> => {
    if (running.current) return null;
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setError(null);
    try {
      const reply = await call(controller.signal);
      if (!reply.ok && !isCancelled(reply.error)) setError(reply.error);
      return reply;
    } catch {
      // Only a bug gets here (bridge calls resolve): still a message, never a stuck button.
      setError(APP_BROKEN);
      return { ok: false, error: APP_BROKEN };
    } finally {
      // After cancel() another run may have started: that one's busy state is its own.
      if (running.current === controller) {
        running.current = null;
        setBusy(false);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setBusy(false);
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, cancel, clearError };
}
