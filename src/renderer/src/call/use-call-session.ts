/** React state for the call loop, fed by a CallController. */
import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { callReducer, initialCallState, type CallState, type Notice } from './call-machine';
import { CallController, type ServerStatus, type SocketAccess } from './call-controller';
import type { PeerMessage } from '../../../shared/peer-messages';

export type PartnerMessage = Exclude<PeerMessage, { type: 'ping' | 'pong' }>;

export interface CallSession {
  state: CallState;
  serverStatus: ServerStatus;
  remoteStream: MediaStream | null;
  roundTripMs: number | null;
  /** The data channel is open: chat and peer messages can go. */
  channelOpen: boolean;
  start(): void;
  cancel(): void;
  next(): void;
  stop(): void;
  dismissNotice(): void;
  notify(notice: Notice): void;
  sendToPartner(message: PartnerMessage): boolean;
  /** Listens to chat and typing messages from the partner; returns the unsubscribe function. */
  onPartnerMessage(listener: (message: PartnerMessage) => void): () => void;
}

export function useCallSession(socketAccess: SocketAccess | null, localStream: MediaStream | null): CallSession {
  const [state, dispatch] = useReducer(callReducer, initialCallState);
  const [serverStatus, setServerStatus] = useState<ServerStatus>('connecting');
  const [remoteStream, setRemoteStream] = useState<MediaStream | null>(null);
  const [roundTripMs, setRoundTripMs] = useState<number | null>(null);
  const [channelOpen, setChannelOpen] = useState(false);
  const controllerRef = useRef<CallController | null>(null);
  const listenersRef = useRef(new Set<(message: PartnerMessage) => void>());
  const localStreamRef = useRef(localStream);
  useEffect(() => {
    localStreamRef.current = localStream;
    const video = localStream?.getVideoTracks()[0];
    if (video) controllerRef.current?.setOutgoingVideo(video);
  }, [localStream]);

  useEffect(() => {
    if (!socketAccess) return;
    const controller = new CallController(socketAccess, () => localStreamRef.current, {
      // Start and Next repaint most of the screen; as a transition that render yields, so the
      // server's answer (often already on its way) is handled first instead of waiting behind it.
      dispatch: (event) => (event.type === 'start' || event.type === 'next' ? startTransition(() => dispatch(event)) : dispatch(event)),
      setServerStatus,
      setRemoteStream,
      setRoundTripMs,
      setChannelOpen,
      onPeerMessage: (message) => listenersRef.current.forEach((listener) => listener(message)),
    });
    controllerRef.current = controller;
    controller.connect();
    return () => {
      controller.dispose();
      controllerRef.current = null;
    };
  }, [socketAccess]);

  // Stable identities, so effects and memoised children can depend on them.
  const start = useCallback(() => controllerRef.current?.start(), []);
  const cancel = useCallback(() => controllerRef.current?.cancel(), []);
  const next = useCallback(() => controllerRef.current?.next(), []);
  const stop = useCallback(() => controllerRef.current?.stop(), []);
  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss-notice' }), []);
  const notify = useCallback((notice: Notice) => dispatch({ type: 'notice', notice }), []);
  const sendToPartner = useCallback((message: PartnerMessage) => controllerRef.current?.sendToPartner(message) ?? false, []);
  const onPartnerMessage = useCallback((listener: (message: PartnerMessage) => void) => {
    const listeners = listenersRef.current;
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return {
    state,
    serverStatus,
    remoteStream,
    roundTripMs,
    channelOpen,
    start,
    cancel,
    next,
    stop,
    dismissNotice,
    notify,
    sendToPartner,
    onPartnerMessage,
  };
}
