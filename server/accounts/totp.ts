/**
 * Time-based one-time passwords (RFC 6238) with the otpauth package: the
 * settings every authenticator app understands (SHA-1, 6 digits, 30 s), a
 * QR code of the otpauth:// URI from the qrcode package, and code checks
 * that say which time step a code belongs to, so a used step can be refused.
 */
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'Cam-Party';
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a phone clock 30 s off still works. */
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/** An SVG image, so it stays sharp at any size and needs no canvas. */
export async function totpQrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** The time step the code is valid for at `now`, or null when it is wrong. */
export function totpStepOf(secret: string, code: string, now: number): number | null {
  const totp = totpFor(secret, 'check');
  const delta = totp.validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  return totp.counter({ timestamp: now }) + delta;
}
