/**
 * Messages the two clients of a call exchange over the WebRTC data channel
 * (never through the server). Each side validates what it receives.
 */
import { z } from 'zod';

export const MAX_PEER_MESSAGE_BYTES = 16 * 1024;

/** Longest chat message a person can send or receive (characters). */
export const MAX_CHAT_TEXT_LENGTH = 500;

export const pingMessage = z.strictObject({ type: z.literal('ping'), id: z.number().int().nonnegative() });
export const pongMessage = z.strictObject({ type: z.literal('pong'), id: z.number().int().nonnegative() });

export const chatMessage = z.strictObject({
  type: z.literal('chat'),
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  text: z.string().min(1).max(MAX_CHAT_TEXT_LENGTH),
  sentAt: z.number().int().nonnegative(),
});
export const typingMessage = z.strictObject({ type: z.literal('typing'), active: z.boolean() });
/** Whether the sender's microphone and camera are on, so the other side can say so. */
export const mediaStateMessage = z.strictObject({ type: z.literal('media-state'), microphone: z.boolean(), camera: z.boolean() });

export const peerMessageSchema = z.discriminatedUnion('type', [pingMessage, pongMessage, chatMessage, typingMessage, mediaStateMessage]);
export type PeerMessage = z.infer<typeof peerMessageSchema>;

export function parsePeerMessage(raw: string): PeerMessage | null {
  if (raw.length > MAX_PEER_MESSAGE_BYTES) return null;
  try {
    const result = peerMessageSchema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
