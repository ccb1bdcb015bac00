/**
 * Recovery codes for two-factor authentication: ten single-use codes of 80
 * random bits each, shown once, stored as SHA-256 (80 bits are far beyond an
 * offline search, so a slow hash adds nothing).
 */
import { createHash, randomBytes } from 'node:crypto';
import { RECOVERY_CODE_ALPHABET, RECOVERY_CODE_COUNT, normalizeRecoveryCode } from '../../src/shared/accounts-api';

/** Ten codes written as "xxxx-xxxx-xxxx-xxxx". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    let bits = 0n;
    for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
    let code = '';
    for (let index = 0; index < 16; index += 1) {
      code += RECOVERY_CODE_ALPHABET[Number((bits >> BigInt(5 * (15 - index))) & 31n)];
    }
    return code.match(/.{4}/g)!.join('-');
  });
}

export function hashRecoveryCode(code: string): Buffer {
  return createHash('sha256')
    .update(`cam-party-recovery:${normalizeRecoveryCode(code)}`, 'utf8')
    .digest();
}
