import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMETERS, PasswordHasher } from '../../../server/accounts/password-hasher';
import { FAST_SCRYPT } from './accounts-test-world';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(FAST_SCRYPT);

  it('verifies the right password and refuses a wrong one', async () => {
    const encoded = await hasher.hash('a long and unique password');
    expect(await hasher.verify('a long and unique password', encoded)).toBe(true);
    expect(await hasher.verify('a long and unique passworD', encoded)).toBe(false);
    expect(await hasher.verify('', encoded)).toBe(false);
  });

  it('salts each hash, and keeps the password out of it', async () => {
    const first = await hasher.hash('same password twice');
    const second = await hasher.hash('same password twice');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$12\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toContain('same password');
  });

  it('treats composed and decomposed accents as the same password (NFKC)', async () => {
    const encoded = await hasher.hash('caf\u00e9 au lait!');
    expect(await hasher.verify('cafe\u0301 au lait!', encoded)).toBe(true);
  });

  it('answers false, without throwing, for stored hashes it cannot read', async () => {
    for (const bad of ['', 'plain', 'scrypt$99$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43), 'bcrypt$2b$10$abc', 'scrypt$14$8$1$!!$??']) {
      expect(await hasher.verify('anything', bad)).toBe(false);
    }
  });

  it('says when a hash was made with other parameters', async () => {
    const weak = await new PasswordHasher({ log2N: 11, r: 8, p: 1 }).hash('pw');
    expect(hasher.needsRehash(weak)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('pw'))).toBe(false);
    expect(hasher.needsRehash('garbage')).toBe(true);
  });

  it('refuses parameters outside the safe range', () => {
    expect(() => new PasswordHasher({ log2N: 4, r: 8, p: 1 })).toThrow(/log2N/);
    expect(() => new PasswordHasher({ log2N: 14, r: 0, p: 1 })).toThrow(/r must/);
  });

  it('uses memory-hard defaults: OWASP scrypt N = 2^17, r = 8, p = 1 (128 MiB)', async () => {
    expect(DEFAULT_SCRYPT_PARAMETERS).toEqual({ log2N: 17, r: 8, p: 1 });
    const production = new PasswordHasher();
    const started = performance.now();
    const encoded = await production.hash('production strength');
    const elapsed = performance.now() - started;
    expect(encoded.startsWith('scrypt$17$8$1$')).toBe(true);
    expect(await production.verify('production strength', encoded)).toBe(true);
    // 128 MiB of memory-hard work cannot finish in a few milliseconds.
    expect(elapsed).toBeGreaterThan(50);
  });

  it('finishes every hash when more are asked for than may run at once', async () => {
    const oneAtATime = new PasswordHasher(FAST_SCRYPT, 1);
    const hashes = await Promise.all(['a', 'b', 'c', 'd'].map((password) => oneAtATime.hash(password)));
    expect(new Set(hashes).size).toBe(4);
    expect(await oneAtATime.verify('c', hashes[2]!)).toBe(true);
  });
});
