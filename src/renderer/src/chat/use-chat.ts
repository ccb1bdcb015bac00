/**
 * The text chat of the current call: messages go over the peer-to-peer data
 * channel (never through the server), both directions are rate-limited and
 * length-checked, and the conversation is cleared when the call ends.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_CHAT_TEXT_LENGTH } from '../../../shared/peer-messages';
import { detectRedFlags, type RedFlag } from '../../../shared/red-flags';
import { callBridge } from '../bridge';
import type { CallSession } from '../call/use-call-session';
import { useLatest } from '../use-latest';
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

interface Conversation {
  pairId: string | null;
  entries: ChatEntry[];
  partnerTyping: boolean;
}

const emptyConversation = (pairId: string | null): Conversation => ({ pairId, entries: [], partnerTyping: false });

interface Limits {
  pairId: string | null;
  send: SlidingWindowLimit;
  receive: SlidingWindowLimit;
}

const newLimits = (pairId: string | null): Limits => ({
  pairId,
  send: new SlidingWindowLimit(SEND_LIMIT.max, SEND_LIMIT.windowMs),
  receive: new SlidingWindowLimit(RECEIVE_LIMIT.max, RECEIVE_LIMIT.windowMs),
});

export interface Chat {
  entries: ChatEntry[];
  partnerTyping: boolean;
  send(text: string): SendResult;
  setTyping(active: boolean): void;
}

/** Keeps a copy in the local chat log (main encrypts it and deletes it after the retention period). */
function keepInLog(pairId: string | null, partnerId: string | null, entry: ChatEntry): void {
  if (!pairId || !partnerId) return;
  void callBridge('appendChatLog', {
    conversationId: pairId,
    partnerId,
    message: { from: entry.from, text: entry.text, at: entry.at, flags: entry.flags.map((flag) => flag.category) },
  }).then((reply) => {
    // Not worth interrupting the call for: the conversation goes on, only the local copy misses a line.
    if (!reply.ok) console.warn('The chat log could not keep a message:', reply.error.message);
  });
}

export function useChat(
  call: Pick<CallSession, 'sendToPartner' | 'onPartnerMessage'>,
  pairId: string | null,
  partnerId: string | null,
): Chat {
  // Everything here belongs to one call: state from another pair counts as empty.
  const [conversation, setConversation] = useState<Conversation>(() => emptyConversation(pairId));
  const current = conversation.pairId === pairId ? conversation : emptyConversation(pairId);
  const limitsRef = useRef(newLimits(pairId));
  const typingSentRef = useRef<{ pairId: string | null; active: boolean }>({ pairId, active: false });
  const { sendToPartner, onPartnerMessage } = call;
  const callRef = useLatest({ pairId, partnerId });

  // Stable helpers: they read the current pair from a ref, so listeners never go stale.
  const limitsFor = useCallback((id: string | null): Limits => {
    if (limitsRef.current.pairId !== id) limitsRef.current = newLimits(id);
    return limitsRef.current;
  }, []);
  const update = useCallback(
    (change: (conversation: Conversation) => Conversation): void => {
      setConversation((previous) =>
        change(previous.pairId === callRef.current.pairId ? previous : emptyConversation(callRef.current.pairId)),
      );
    },
    [callRef],
  );
  const setPartnerTyping = useCallback((typing: boolean) => update((previous) => ({ ...previous, partnerTyping: typing })), [update]);
  const addEntry = useCallback(
    (entry: ChatEntry) =>
      update((previous) => ({
        ...previous,
        entries: [...previous.entries, entry],
        partnerTyping: entry.from === 'stranger' ? false : previous.partnerTyping,
      })),
    [update],
  );

  useEffect(() => {
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = onPartnerMessage((message) => {
      if (message.type === 'typing') {
        clearTimeout(typingTimer);
        setPartnerTyping(message.active);
        if (message.active) typingTimer = setTimeout(() => setPartnerTyping(false), TYPING_SHOWN_MS);
        return;
      }
      if (message.type !== 'chat' || !limitsFor(callRef.current.pairId).receive.tryTake()) return;
      clearTimeout(typingTimer);
      // Our clock, not theirs: a stranger's timestamp is not to be trusted.
      const entry: ChatEntry = {
        id: `in-${message.id}`,
        from: 'stranger',
        text: message.text,
        at: Date.now(),
        flags: detectRedFlags(message.text),
      };
      addEntry(entry);
      keepInLog(callRef.current.pairId, callRef.current.partnerId, entry);
    });
    return () => {
      clearTimeout(typingTimer);
      unsubscribe();
    };
  }, [onPartnerMessage, addEntry, setPartnerTyping, limitsFor, callRef]);

  const send = useCallback(
    (raw: string): SendResult => {
      const text = raw.trim();
      if (text.length === 0) return { ok: false, reason: 'Type a message first.' };
      if (text.length > MAX_CHAT_TEXT_LENGTH) return { ok: false, reason: `Messages can be at most ${MAX_CHAT_TEXT_LENGTH} characters.` };
      const limits = limitsFor(callRef.current.pairId);
      if (limits.send.waitMs() > 0) return { ok: false, reason: 'You are sending messages too fast. Wait a moment.' };
      const id = crypto.randomUUID();
      const at = Date.now();
      if (!sendToPartner({ type: 'chat', id, text, sentAt: at }))
        return { ok: false, reason: 'The message could not be sent: the call is not connected.' };
      limits.send.tryTake();
      typingSentRef.current = { pairId: callRef.current.pairId, active: false };
      const entry: ChatEntry = { id: `out-${id}`, from: 'me', text, at, flags: [] };
      addEntry(entry);
      keepInLog(callRef.current.pairId, callRef.current.partnerId, entry);
      return { ok: true };
    },
    [sendToPartner, addEntry, limitsFor, callRef],
  );

  const setTyping = useCallback(
    (active: boolean) => {
      const sent = typingSentRef.current;
      if (sent.pairId === callRef.current.pairId && sent.active === active) return;
      if (sendToPartner({ type: 'typing', active })) typingSentRef.current = { pairId: callRef.current.pairId, active };
    },
    [sendToPartner, callRef],
  );

  return { entries: current.entries, partnerTyping: current.partnerTyping, send, setTyping };
}
