/**
 * A value the screen reads from main when it appears (a list, the
 * settings): the latest answer, or why it could not be read. A newer read
 * replaces an older one still under way, and leaving the screen stops it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BridgeError, BridgeReply } from '../../shared/bridge-contract';
import { APP_BROKEN, isCancelled } from './bridge';

export interface BridgeRead<T> {
  /** null until the first answer arrives. */
  value: T | null;
  error: BridgeError | null;
  /** Reads again (after a change, or after a failure). */
  reload(): void;
}

/** `read` must be stable (a useCallback or a module function): a new function, or a new `key`, reads again. */
export function useBridgeRead<T>(read: (signal: AbortSignal) => Promise<BridgeReply<T>>, key?: unknown): BridgeRead<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const failed = (): BridgeReply<T> => ({ ok: false, error: APP_BROKEN });
    void read(controller.signal)
      .catch(failed)
      .then((reply) => {
        if (controller.signal.aborted) return;
        if (reply.ok) {
          setValue(reply.value);
          setError(null);
        } else if (!isCancelled(reply.error)) {
          setError(reply.error);
        }
      });
    return () => controller.abort();
  }, [read, version, key]);
  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { value, error, reload };
}
