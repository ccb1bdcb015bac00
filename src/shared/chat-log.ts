/**
 * The local chat log: what the main process keeps of each conversation
 * (only on this device, encrypted, deleted after the retention period),
 * and the retention choices the settings offer.
 */
import { z } from 'zod';
import { MAX_CHAT_TEXT_LENGTH } from './peer-messages';

export const chatLogRetention = z.enum(['off', '24h', '7d', '30d']);
export type ChatLogRetention = z.infer<typeof chatLogRetention>;
export const DEFAULT_CHAT_LOG_RETENTION: ChatLogRetention = '30d';

const HOUR_MS = 60 * 60 * 1000;
/** How long each retention keeps a conversation after its last message; "off" keeps nothing. */
export const RETENTION_MS: Record<ChatLogRetention, number> = {
  off: 0,
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
};

export const conversationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'A conversation id is 8 to 64 letters, digits, - or _.');

export const chatLogMessage = z.strictObject({
  from: z.enum(['me', 'stranger']),
  text: z.string().min(1).max(MAX_CHAT_TEXT_LENGTH),
  at: z.number().int().nonnegative(),
  /** Red-flag categories the guard found in this message. */
  flags: z.array(z.string().max(64)).max(16),
});
export type ChatLogMessage = z.infer<typeof chatLogMessage>;

export const chatLogConversation = z.strictObject({
  id: conversationId,
  /** The anonymous id the server gave the stranger for that call. */
  partnerId: z.string().min(1).max(64),
  startedAt: z.number().int().nonnegative(),
  lastActivityAt: z.number().int().nonnegative(),
  messages: z.array(chatLogMessage).max(10_000),
});
export type ChatLogConversation = z.infer<typeof chatLogConversation>;

export const chatLogSummary = chatLogConversation.omit({ messages: true }).extend({ messageCount: z.number().int() });
export type ChatLogSummary = z.infer<typeof chatLogSummary>;
