/**
 * The call benchmark's reference: a plain simple-peer call with its
 * defaults (trickle ICE, no prepared offer, no first-frame tricks) over the
 * app's signaling server and wire protocol, in a bare page. It leaves the
 * same `camparty:*` marks as the app (join, next, matched, offer-sent,
 * answer-sent, peer-connected, remote-stream, remote-first-frame) and shows
 * its phase on <main data-phase>, so the benchmark reads both alike.
 */
import '../../src/renderer/src/call/node-globals';
import SimplePeer from 'simple-peer';
import { parseFrame, serverMessageSchema, type ClientMessage, type IceServer, type ServerMessage } from '../../src/shared/wire-protocol';

type Phase = 'lobby' | 'searching' | 'in-call';

const main = document.querySelector('main')!;
const remoteVideo = document.querySelector<HTMLVideoElement>('video')!;
let socket: WebSocket | null = null;
let iceServers: IceServer[] = [];
let localStream: MediaStream | null = null;
let peer: SimplePeer.Instance | null = null;
let pairId: string | null = null;

const mark = (name: string, markPairId?: string): void => void performance.mark(`camparty:${name}`, { detail: { pairId: markPairId } });
const setPhase = (phase: Phase): void => main.setAttribute('data-phase', phase);
const send = (message: ClientMessage): void => socket?.send(JSON.stringify(message));

function endPeer(): void {
  peer?.destroy();
  peer = null;
  pairId = null;
}

function startPeer(matchedPairId: string, initiator: boolean): void {
  endPeer();
  pairId = matchedPairId;
  const current = new SimplePeer({ initiator, stream: localStream!, config: { iceServers } });
  peer = current;
  let described = false;
  current.on('signal', (data) => {
    if (peer !== current) return;
    if (!described && 'sdp' in data) {
      described = true;
      mark(initiator ? 'offer-sent' : 'answer-sent', matchedPairId);
    }
    send({ type: 'signal', pairId: matchedPairId, data: data as never });
  });
  current.on('connect', () => mark('peer-connected', matchedPairId));
  current.on('stream', (stream: MediaStream) => {
    if (peer !== current) return;
    mark('remote-stream', matchedPairId);
    remoteVideo.srcObject = stream;
    remoteVideo.requestVideoFrameCallback(() => {
      if (peer === current) mark('remote-first-frame', matchedPairId);
    });
  });
  current.on('error', () => {});
}

function onMessage(message: ServerMessage): void {
  switch (message.type) {
    case 'welcome':
      iceServers = message.iceServers;
      return;
    case 'queued':
      setPhase('searching');
      return;
    case 'idle':
      setPhase('lobby');
      return;
    case 'matched':
      mark('matched', message.pairId);
      setPhase('in-call');
      startPeer(message.pairId, message.initiator);
      return;
    case 'signal':
      if (message.pairId === pairId) peer?.signal(message.data as SimplePeer.SignalData);
      return;
    case 'partner-left':
      if (message.pairId !== pairId) return;
      endPeer();
      setPhase('searching');
      return;
    default:
      return;
  }
}

async function connect(url: string, protocols: string[]): Promise<void> {
  localStream = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } },
    audio: { echoCancellation: true, noiseSuppression: true },
  });
  const opened = new WebSocket(url, protocols);
  await new Promise<void>((resolve, reject) => {
    opened.onopen = () => resolve();
    opened.onerror = () => reject(new Error(`Could not open ${url}`));
  });
  opened.onmessage = (event: MessageEvent) => {
    const parsed = parseFrame(serverMessageSchema, String(event.data));
    if (parsed.ok) onMessage(parsed.value);
  };
  socket = opened;
}

const plainCall = {
  connect,
  join: () => {
    mark('join');
    send({ type: 'join' });
  },
  next: () => {
    mark('next');
    endPeer();
    send({ type: 'next' });
  },
  leave: () => {
    endPeer();
    send({ type: 'leave' });
  },
};
Object.assign(window, { plainCall });
export type PlainCallApi = typeof plainCall;
