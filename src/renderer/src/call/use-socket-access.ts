/**
 * Where the matchmaking socket is and a token to open it, asked from main
 * for each connection (the refresh token never leaves main). A refusal
 * (signed out, suspended, server away) is kept in `error` for the screen,
 * and rejects, so the controller retries as with any lost connection.
 */
import { useCallback, useState } from 'react';
import { socketProtocolsFor } from '../../../shared/accounts-api';
import { callBridge } from '../bridge';
import type { SocketAccess } from './call-controller';

export interface SocketAccessHandle {
  socketAccess: SocketAccess;
  /** Why the last request for access failed; null once one succeeds. */
  error: string | null;
  dismissError(): void;
}

export function useSocketAccess(): SocketAccessHandle {
  const [error, setError] = useState<string | null>(null);
  const socketAccess = useCallback<SocketAccess>(async (fresh) => {
    const access = await callBridge('getSocketAccess', { fresh });
    if (!access.ok) {
      setError(access.error.message);
      throw new Error(access.error.message);
    }
    setError(null);
    return { url: access.value.url, protocols: socketProtocolsFor(access.value.accessToken) };
  }, []);
  const dismissError = useCallback(() => setError(null), []);
  return { socketAccess, error, dismissError };
}
