/**
 * The wire protocol between the desktop client and the matchmaking/signaling
 * server. Both sides import these schemas and validate every message at
 * runtime: one schema per message kind.
 */
import { z } from 'zod';

/** Largest text frame the server accepts as a protocol message (bytes). */
export const MAX_MESSAGE_BYTES = 32 * 1024;

/** Opaque ids the server hands out; never an account name or an address. */
const opaqueId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** The signals simple-peer emits, each with a bounded size. */
const sessionDescription = z.strictObject({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(24 * 1024),
});
const iceCandidate = z.strictObject({
  type: z.literal('candidate'),
  candidate: z.strictObject({
    candidate: z.string().max(1024),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
    sdpMid: z.string().max(64).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  }),
});
const renegotiate = z.strictObject({ renegotiate: z.literal(true) });
const transceiverRequest = z.strictObject({
  transceiverRequest: z.strictObject({
    kind: z.enum(['audio', 'video']),
    init: z.record(z.string(), z.unknown()).optional(),
  }),
});
export const peerSignalSchema = z.union([sessionDescription, iceCandidate, renegotiate, transceiverRequest]);
export type PeerSignal = z.infer<typeof peerSignalSchema>;

export const iceServerSchema = z.strictObject({
  urls: z.union([z.string().max(512), z.array(z.string().max(512)).max(8)]),
  username: z.string().max(256).optional(),
  credential: z.string().max(256).optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

// ---- client → server ----

export const joinMessage = z.strictObject({ type: z.literal('join') });
/** Cancel searching, or end the current call (Stop). */
export const leaveMessage = z.strictObject({ type: z.literal('leave') });
/** Skip: end this call and be paired with someone else at once. */
export const nextMessage = z.strictObject({ type: z.literal('next') });
export const clientSignalMessage = z.strictObject({
  type: z.literal('signal'),
  pairId: opaqueId,
  data: peerSignalSchema,
});
/**
 * A signal of the offer a waiting client prepares before anyone is paired
 * with it (`ticket` from its `queued`). The server keeps these and sends
 * them to the partner right after `matched`, so the offer reaches the
 * answering side without a round trip through the waiting one.
 */
/** An offer and its candidates: the server keeps at most this many signals of one prepared offer. */
export const MAX_PREPARED_SIGNALS = 32;
export const preparedSignalMessage = z.strictObject({
  type: z.literal('prepared-signal'),
  ticket: opaqueId,
  data: peerSignalSchema,
});

export const clientMessageSchema = z.discriminatedUnion('type', [
  joinMessage,
  leaveMessage,
  nextMessage,
  clientSignalMessage,
  preparedSignalMessage,
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

// ---- server → client ----

export const welcomeMessage = z.strictObject({
  type: z.literal('welcome'),
  clientId: opaqueId,
  iceServers: z.array(iceServerSchema).max(8),
  heartbeatIntervalMs: z.number().int().positive(),
});
/** Waiting for a partner; `ticket` names this wait, for the signals of the offer prepared during it. */
export const queuedMessage = z.strictObject({ type: z.literal('queued'), ticket: opaqueId });
export const idleMessage = z.strictObject({ type: z.literal('idle') });
export const matchedMessage = z.strictObject({
  type: z.literal('matched'),
  pairId: opaqueId,
  /** The initiator creates the WebRTC offer; exactly one side of a pair is. */
  initiator: z.boolean(),
  /** An id for the stranger that is only valid for this call. */
  partnerId: opaqueId,
});
export const serverSignalMessage = z.strictObject({
  type: z.literal('signal'),
  pairId: opaqueId,
  data: peerSignalSchema,
});
export const partnerLeftReason = z.enum(['skipped', 'left', 'disconnected']);
export type PartnerLeftReason = z.infer<typeof partnerLeftReason>;
export const partnerLeftMessage = z.strictObject({
  type: z.literal('partner-left'),
  pairId: opaqueId,
  reason: partnerLeftReason,
});
/** The account may not be matched (suspended or banned): why, and until when (null: until a moderator decides, or for good). */
export const restrictedMessage = z.strictObject({
  type: z.literal('restricted'),
  kind: z.enum(['suspended', 'banned']),
  until: z.number().int().nonnegative().nullable(),
  message: z.string().max(512),
});
export const errorCode = z.enum(['bad-json', 'bad-message', 'too-large', 'rate-limited', 'not-in-call', 'already-joined', 'stale-pair']);
export type ErrorCode = z.infer<typeof errorCode>;
export const errorMessage = z.strictObject({
  type: z.literal('error'),
  code: errorCode,
  message: z.string().max(512),
});

export const serverMessageSchema = z.discriminatedUnion('type', [
  welcomeMessage,
  queuedMessage,
  idleMessage,
  matchedMessage,
  serverSignalMessage,
  partnerLeftMessage,
  restrictedMessage,
  errorMessage,
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** Parses one text frame against a schema: size, then JSON, then shape. */
export function parseFrame<T>(schema: z.ZodType<T>, frame: string): ParseResult<T> {
  if (new TextEncoder().encode(frame).length > MAX_MESSAGE_BYTES) {
    return { ok: false, code: 'too-large', message: `Message is larger than ${MAX_MESSAGE_BYTES} bytes.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return { ok: false, code: 'bad-json', message: 'Message is not valid JSON.' };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    return { ok: false, code: 'bad-message', message: describeIssues(result.error) };
  }
  return { ok: true, value: result.data };
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return `Message does not match the protocol${where}: ${first?.message ?? 'invalid'}`.slice(0, 512);
}
