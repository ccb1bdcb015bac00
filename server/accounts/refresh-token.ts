/**
 * Refresh tokens: 32 random bytes the client keeps in its keychain. The
 * server stores only their SHA-256: with 256 random bits a fast hash is
 * enough, and a leaked database holds nothing a client could present.
 */
import { createHash, randomBytes } from 'node:crypto';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
