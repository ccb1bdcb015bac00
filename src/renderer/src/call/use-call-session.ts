/** React state for the call loop, fed by a CallController. */
import { useEffect, useReducer, useRef, useState } from 'react';
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

  return {
    state,
    serverStatus,
    remoteStream,
    roundTripMs,
    start: () => controllerRef.current?.start(),
    cancel: () => controllerRef.current?.cancel(),
    next: () => controllerRef.current?.next(),
    stop: () => controllerRef.current?.stop(),
    dismissNotice: () => dispatch({ type: 'dismiss-notice' }),
  };
}
