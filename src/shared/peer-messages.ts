/**
 * Messages the two clients of a call exchange over the WebRTC data channel
 * (never through the server). Each side validates what it receives.
 */
import { z } from 'zod';

export const MAX_PEER_MESSAGE_BYTES = 16 * 1024;

export const pingMessage = z.strictObject({ type: z.literal('ping'), id: z.number().int().nonnegative() });
export const pongMessage = z.strictObject({ type: z.literal('pong'), id: z.number().int().nonnegative() });

export const peerMessageSchema = z.discriminatedUnion('type', [pingMessage, pongMessage]);
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
