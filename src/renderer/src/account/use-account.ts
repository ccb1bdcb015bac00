/** The account state from the main process, reloaded after each account action. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountState } from '../../../shared/account-state';
import { callBridge } from '../bridge';

export interface AccountHandle {
  /** null while the main process is still restoring the session. */
  state: AccountState | null;
  /** Why the session could not be read (the person is then shown the sign-in screen). */
  error: string | null;
  reload(): void;
}

export function useAccount(): AccountHandle {
  const [state, setState] = useState<AccountState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latestRead = useRef(0);
  const reload = useCallback(() => {
    // Only the newest read counts: an older answer arriving late must not undo a sign-in or sign-out.
    const read = ++latestRead.current;
    void callBridge('getAccountState').then((reply) => {
      if (read !== latestRead.current) return;
      setState(reply.ok ? reply.value : { status: 'signed-out' });
      setError(reply.ok ? null : reply.error.message);
    });
  }, []);
  useEffect(reload, [reload]);
  return { state, error, reload };
}
