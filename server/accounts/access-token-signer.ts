/**
 * Short-lived access tokens for the socket: "v1.<payload>.<signature>", the
 * payload a base64url JSON of account, session and expiry, the signature an
 * HMAC-SHA256 with a server secret. They prove who opens a socket without a
 * database read for the signature; the session check is the caller's.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const ACCESS_TOKEN_TTL_MS = 10 * 60 * 1000;
const MIN_SECRET_BYTES = 32;

const payloadSchema = z.strictObject({
  typ: z.literal('access'),
  sub: z.string().min(1).max(64),
  sid: z.string().min(1).max(64),
  iat: z.number().int(),
  exp: z.number().int(),
});

export type AccessTokenCheck =
  { ok: true; accountId: string; sessionId: string; expiresAt: number } | { ok: false; reason: 'invalid' | 'expired' };

export class AccessTokenSigner {
  private readonly secret: Buffer;

  constructor(
    secret: Uint8Array,
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = ACCESS_TOKEN_TTL_MS,
  ) {
    if (secret.byteLength < MIN_SECRET_BYTES) {
      throw new Error(`The access token secret needs at least ${MIN_SECRET_BYTES} random bytes.`);
    }
    // A copy: a caller reusing its buffer must not change the key under us.
    this.secret = Buffer.from(secret);
  }

  issue(accountId: string, sessionId: string): { token: string; expiresAt: number } {
    const issuedAt = this.now();
    const expiresAt = issuedAt + this.ttlMs;
    const payload = Buffer.from(JSON.stringify({ typ: 'access', sub: accountId, sid: sessionId, iat: issuedAt, exp: expiresAt })).toString(
      'base64url',
    );
    return { token: `v1.${payload}.${this.sign(payload)}`, expiresAt };
  }

  verify(token: unknown): AccessTokenCheck {
    if (typeof token !== 'string' || token.length > 1024) return { ok: false, reason: 'invalid' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== 'v1') return { ok: false, reason: 'invalid' };
    const [, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    const parsed = payloadSchema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    if (parsed.data.exp <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, accountId: parsed.data.sub, sessionId: parsed.data.sid, expiresAt: parsed.data.exp };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(`v1.${payload}`).digest('base64url');
  }
}
