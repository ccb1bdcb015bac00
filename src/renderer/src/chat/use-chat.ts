/**
 * The text chat of the current call: messages go over the peer-to-peer data
 * channel (never through the server), both directions are rate-limited and
 * length-checked, and the conversation is cleared when the call ends.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_CHAT_TEXT_LENGTH } from '../../../shared/peer-messages';
import { detectRedFlags, type RedFlag } from '../../../shared/red-flags';
import { desktopBridge } from '../bridge';
import type { CallSession } from '../call/use-call-session';
import { SlidingWindowLimit } from './sliding-window-limit';

export interface ChatEntry {
  id: string;
  from: 'me' | 'stranger';
  text: string;
  at: number;
  /** Red flags the on-device guard found in a stranger's message. */
  flags: RedFlag[];
}

export type SendResult = { ok: true } | { ok: false; reason: string };

const SEND_LIMIT = { max: 5, windowMs: 5000 };
/** What we accept from the stranger; more than this is dropped, not shown. */
const RECEIVE_LIMIT = { max: 10, windowMs: 5000 };
const TYPING_SHOWN_MS = 4000;

export interface Chat {
  entries: ChatEntry[];
  partnerTyping: boolean;
  send(text: string): SendResult;
  setTyping(active: boolean): void;
}

/** Keeps a copy in the local chat log (main encrypts it and deletes it after the retention period). */
function keepInLog(pairId: string | null, partnerId: string | null, entry: ChatEntry): void {
  if (!pairId || !partnerId) return;
  desktopBridge()
    .appendChatLog({
      conversationId: pairId,
      partnerId,
      message: { from: entry.from, text: entry.text, at: entry.at, flags: entry.flags.map((flag) => flag.category) },
    })
    .catch((error: unknown) => console.warn('The chat log could not keep a message:', error));
}

export function useChat(
  call: Pick<CallSession, 'sendToPartner' | 'onPartnerMessage'>,
  pairId: string | null,
  partnerId: string | null,
): Chat {
  const [entries, setEntries] = useState<ChatEntry[]>([]);
  const [partnerTyping, setPartnerTyping] = useState(false);
  const limitsRef = useRef({ send: new SlidingWindowLimit(SEND_LIMIT.max, SEND_LIMIT.windowMs), receive: new SlidingWindowLimit(RECEIVE_LIMIT.max, RECEIVE_LIMIT.windowMs) });
  const typingSentRef = useRef(false);
  const { sendToPartner, onPartnerMessage } = call;
  const callRef = useRef({ pairId, partnerId });
  useEffect(() => {
    callRef.current = { pairId, partnerId };
  }, [pairId, partnerId]);

  // A new call (or none) starts with an empty conversation.
  useEffect(() => {
    setEntries([]);
    setPartnerTyping(false);
    typingSentRef.current = false;
    limitsRef.current = {
      send: new SlidingWindowLimit(SEND_LIMIT.max, SEND_LIMIT.windowMs),
      receive: new SlidingWindowLimit(RECEIVE_LIMIT.max, RECEIVE_LIMIT.windowMs),
    };
  }, [pairId]);

  useEffect(() => {
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = onPartnerMessage((message) => {
      if (message.type === 'typing') {
        clearTimeout(typingTimer);
        setPartnerTyping(message.active);
        if (message.active) typingTimer = setTimeout(() => setPartnerTyping(false), TYPING_SHOWN_MS);
        return;
      }
      if (message.type !== 'chat' || !limitsRef.current.receive.tryTake()) return;
      clearTimeout(typingTimer);
      setPartnerTyping(false);
      // Our clock, not theirs: a stranger's timestamp is not to be trusted.
      const entry: ChatEntry = { id: `in-${message.id}`, from: 'stranger', text: message.text, at: Date.now(), flags: detectRedFlags(message.text) };
      setEntries((current) => [...current, entry]);
      keepInLog(callRef.current.pairId, callRef.current.partnerId, entry);
    });
    return () => {
      clearTimeout(typingTimer);
      unsubscribe();
    };
  }, [onPartnerMessage]);

  const send = useCallback(
    (raw: string): SendResult => {
      const text = raw.trim();
      if (text.length === 0) return { ok: false, reason: 'Type a message first.' };
      if (text.length > MAX_CHAT_TEXT_LENGTH) return { ok: false, reason: `Messages can be at most ${MAX_CHAT_TEXT_LENGTH} characters.` };
      if (limitsRef.current.send.waitMs() > 0) return { ok: false, reason: 'You are sending messages too fast. Wait a moment.' };
      const id = crypto.randomUUID();
      const at = Date.now();
      if (!sendToPartner({ type: 'chat', id, text, sentAt: at })) return { ok: false, reason: 'The message could not be sent: the call is not connected.' };
      limitsRef.current.send.tryTake();
      typingSentRef.current = false;
      const entry: ChatEntry = { id: `out-${id}`, from: 'me', text, at, flags: [] };
      setEntries((current) => [...current, entry]);
      keepInLog(callRef.current.pairId, callRef.current.partnerId, entry);
      return { ok: true };
    },
    [sendToPartner],
  );

  const setTyping = useCallback(
    (active: boolean) => {
      if (typingSentRef.current === active) return;
      if (sendToPartner({ type: 'typing', active })) typingSentRef.current = active;
    },
    [sendToPartner],
  );

  return { entries, partnerTyping, send, setTyping };
}
