/**
 * The moderator token that guards the moderation API: read from
 * CAM_PARTY_MODERATOR_TOKEN, refused when too short to resist guessing, and
 * compared in constant time. Without a token the moderation API is off.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '../server-config';

export const MODERATOR_TOKEN_ENV = 'CAM_PARTY_MODERATOR_TOKEN';
export const MIN_MODERATOR_TOKEN_LENGTH = 32;

/** The configured token, or null when none is set; throws with a clear message when it is set but unusable. */
export function readModeratorToken(env: NodeJS.ProcessEnv): string | null {
  const token = env[MODERATOR_TOKEN_ENV]?.trim();
  if (!token) return null;
  if (token.length < MIN_MODERATOR_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError(
      `${MODERATOR_TOKEN_ENV} must be at least ${MIN_MODERATOR_TOKEN_LENGTH} printable characters without spaces; ` +
        "generate one with: node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64url'))\"",
    );
  }
  return token;
}

export class ModeratorTokenCheck {
  private readonly expected: Buffer | null;

  constructor(token: string | null) {
    // Hashing both sides gives equal lengths, so the comparison time says nothing about the token's length either.
    this.expected = token === null ? null : sha256(token);
  }

  get enabled(): boolean {
    return this.expected !== null;
  }

  matches(candidate: string): boolean {
    return this.expected !== null && timingSafeEqual(this.expected, sha256(candidate));
  }
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
