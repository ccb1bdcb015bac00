/**
 * Password hashing with scrypt (node:crypto, memory-hard, no native build).
 * Each hash carries its own parameters and random salt, so the cost can be
 * raised later and old hashes still verify (and get rehashed at sign-in).
 * Passwords are never logged or stored; only the encoded hash is.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  log2N: number;
  /** Block size. Memory per hash is 128 * N * r bytes. */
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1, so 128 MiB per hash (about 0.5 s on this 2-core machine). */
export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = { log2N: 17, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** "scrypt$<log2N>$<r>$<p>$<salt base64url>$<hash base64url>" */
const ENCODED = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{43})$/;

export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * @param maxConcurrent hashes computed at once; the rest wait, so a burst of
   *   sign-ins costs at most maxConcurrent * 128 MiB of memory.
   */
  constructor(
    private readonly parameters: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS,
    private readonly maxConcurrent = 2,
  ) {
    checkParameters(parameters);
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await this.derive(password, salt, this.parameters);
    const { log2N, r, p } = this.parameters;
    return `scrypt$${log2N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /** False for a wrong password and for an encoded hash this hasher cannot read. */
  async verify(password: string, encoded: string): Promise<boolean> {
    const parsed = parseEncoded(encoded);
    if (!parsed) return false;
    const key = await this.derive(password, parsed.salt, parsed.parameters);
    return timingSafeEqual(key, parsed.key);
  }

  /** True when the hash was made with other parameters than this hasher's. */
  needsRehash(encoded: string): boolean {
    const parsed = parseEncoded(encoded);
    if (!parsed) return true;
    const { log2N, r, p } = parsed.parameters;
    return log2N !== this.parameters.log2N || r !== this.parameters.r || p !== this.parameters.p;
  }

  private async derive(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
    await this.acquire();
    try {
      const N = 2 ** parameters.log2N;
      const options: ScryptOptions = { N, r: parameters.r, p: parameters.p, maxmem: 256 * N * parameters.r };
      // NFKC: the same password typed on another keyboard or system gives the same bytes.
      const bytes = Buffer.from(password.normalize('NFKC'), 'utf8');
      return await new Promise<Buffer>((resolve, reject) => {
        scrypt(bytes, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
      });
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}

function checkParameters({ log2N, r, p }: ScryptParameters): void {
  if (!Number.isInteger(log2N) || log2N < 10 || log2N > 22) throw new Error('scrypt log2N must be an integer from 10 to 22.');
  if (!Number.isInteger(r) || r < 1 || r > 32) throw new Error('scrypt r must be an integer from 1 to 32.');
  if (!Number.isInteger(p) || p < 1 || p > 16) throw new Error('scrypt p must be an integer from 1 to 16.');
}

function parseEncoded(encoded: string): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | null {
  const match = ENCODED.exec(encoded);
  if (!match) return null;
  const parameters = { log2N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  try {
    checkParameters(parameters);
  } catch {
    return null;
  }
  return { parameters, salt: Buffer.from(match[4]!, 'base64url'), key: Buffer.from(match[5]!, 'base64url') };
}
