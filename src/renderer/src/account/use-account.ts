/** The account state from the main process, reloaded after each account action. */
import { useCallback, useEffect, useState } from 'react';
import type { AccountState } from '../../../shared/account-state';
import { desktopBridge } from '../bridge';

export interface AccountHandle {
  /** null while the main process is still restoring the session. */
  state: AccountState | null;
  reload(): void;
}

export function useAccount(): AccountHandle {
  const [state, setState] = useState<AccountState | null>(null);
  const reload = useCallback(() => {
    desktopBridge()
      .getAccountState()
      .then(setState)
      .catch(() => setState({ status: 'signed-out' }));
  }, []);
  useEffect(reload, [reload]);
  return { state, reload };
}
