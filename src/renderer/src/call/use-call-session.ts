/** React state for the call loop, fed by a CallController. */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { callReducer, initialCallState, type CallState } from './call-machine';
import { CallController, type ServerStatus } from './call-controller';

export interface CallSession {
  state: CallState;
  serverStatus: ServerStatus;
  remoteStream: MediaStream | null;
  roundTripMs: number | null;
  start(): void;
  cancel(): void;
  next(): void;
  stop(): void;
  dismissNotice(): void;
}

export function useCallSession(serverUrl: string | null, localStream: MediaStream | null): CallSession {
  const [state, dispatch] = useReducer(callReducer, initialCallState);
  const [serverStatus, setServerStatus] = useState<ServerStatus>('connecting');
  const [remoteStream, setRemoteStream] = useState<MediaStream | null>(null);
  const [roundTripMs, setRoundTripMs] = useState<number | null>(null);
  const controllerRef = useRef<CallController | null>(null);
  const localStreamRef = useRef(localStream);
  useEffect(() => {
    localStreamRef.current = localStream;
  }, [localStream]);

  useEffect(() => {
    if (!serverUrl) return;
    const controller = new CallController(serverUrl, () => localStreamRef.current, {
      dispatch,
      setServerStatus,
      setRemoteStream,
      setRoundTripMs,
    });
    controllerRef.current = controller;
    controller.connect();
    return () => {
      controller.dispose();
      controllerRef.current = null;
    };
  }, [serverUrl]);

  // Stable identities, so effects and memoised children can depend on them.
  const start = useCallback(() => controllerRef.current?.start(), []);
  const cancel = useCallback(() => controllerRef.current?.cancel(), []);
  const next = useCallback(() => controllerRef.current?.next(), []);
  const stop = useCallback(() => controllerRef.current?.stop(), []);
  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss-notice' }), []);
  return { state, serverStatus, remoteStream, roundTripMs, start, cancel, next, stop, dismissNotice };
}
