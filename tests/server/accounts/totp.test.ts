import { Secret, TOTP, URI } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totpEnrolResponseSchema, totpConfirmResponseSchema, recoveryCodeSchema } from '../../../src/shared/accounts-api';
import { createAccountsTestWorld, newPerson, type AccountsTestWorld } from './accounts-test-world';

const ADDRESS = '198.51.100.7';
const STEP_MS = 30_000;

/** What an authenticator app shows for this secret at this time: computed by otpauth on its own. */
const authenticatorCode = (secret: string, at: number): string =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at });

describe('two-factor authentication (TOTP)', () => {
  let world: AccountsTestWorld;
  let person: ReturnType<typeof newPerson>;
  let accountId: string;
  beforeEach(async () => {
    world = createAccountsTestWorld();
    person = newPerson();
    const signedUp = await world.service.signUp(person, ADDRESS);
    if (!signedUp.ok) throw new Error(signedUp.error.message);
    accountId = signedUp.value.account.id;
  });
  afterEach(() => world.close());

  const enrol = async (): Promise<{ secret: string; recoveryCodes: string[] }> => {
    const started = await world.service.startTotpEnrolment(accountId);
    if (!started.ok) throw new Error(started.error.message);
    const confirmed = await world.service.confirmTotpEnrolment(accountId, authenticatorCode(started.value.secret, world.clock.now()));
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    return { secret: started.value.secret, recoveryCodes: confirmed.value.recoveryCodes };
  };
  const signIn = (secondFactor?: { kind: 'totp' | 'recovery'; code: string }) =>
    world.service.signIn({ email: person.email, password: person.password, ...(secondFactor ? { secondFactor } : {}) }, ADDRESS);

  it('enrols with a secret, an otpauth URI and an SVG QR code of that URI', async () => {
    const started = await world.service.startTotpEnrolment(accountId);
    if (!started.ok) throw new Error(started.error.message);
    const { secret, otpauthUri, qrCodeDataUrl } = totpEnrolResponseSchema.parse(started.value);
    expect(Secret.fromBase32(secret).bytes.length).toBe(20);
    const parsed = URI.parse(otpauthUri) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe('Cam-Party');
    expect(parsed.label).toBe(person.username);
    expect(parsed.secret.base32).toBe(secret);
    const svg = Buffer.from(qrCodeDataUrl.split(',')[1]!, 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<path');
    // Not enabled until confirmed.
    expect(await world.service.profile(accountId)).toMatchObject({ ok: true, value: { account: { totpEnabled: false } } });
    expect((await signIn()).ok).toBe(true);
  });

  it('confirms only with a right code, then returns ten distinct recovery codes once', async () => {
    const started = await world.service.startTotpEnrolment(accountId);
    if (!started.ok) throw new Error(started.error.message);
    const right = authenticatorCode(started.value.secret, world.clock.now());
    const wrong = right === '000000' ? '111111' : '000000';
    expect(await world.service.confirmTotpEnrolment(accountId, wrong)).toMatchObject({
      ok: false,
      error: { code: 'invalid-second-factor' },
    });
    const confirmed = await world.service.confirmTotpEnrolment(accountId, right);
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    const { recoveryCodes } = totpConfirmResponseSchema.parse(confirmed.value);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
    expect(await world.service.profile(accountId)).toMatchObject({ ok: true, value: { account: { totpEnabled: true } } });
    expect(await world.service.startTotpEnrolment(accountId)).toMatchObject({ ok: false, error: { code: 'totp-already-enabled' } });
    expect(await world.service.confirmTotpEnrolment(accountId, right)).toMatchObject({
      ok: false,
      error: { code: 'totp-already-enabled' },
    });
  });

  it('refuses to confirm before enrolment started', async () => {
    expect(await world.service.confirmTotpEnrolment(accountId, '123456')).toMatchObject({ ok: false, error: { code: 'totp-not-started' } });
  });

  it('asks for a code at sign-in once enrolled, without counting that as a failure', async () => {
    await enrol();
    for (let attempt = 0; attempt < 8; attempt += 1) {
      expect(await signIn()).toMatchObject({ ok: false, error: { code: 'second-factor-required' } });
    }
  });

  it('signs in with a valid code, refuses the same code again, and takes the next one', async () => {
    const { secret } = await enrol();
    world.clock.advance(STEP_MS);
    const code = authenticatorCode(secret, world.clock.now());
    expect((await signIn({ kind: 'totp', code })).ok).toBe(true);
    expect(await signIn({ kind: 'totp', code })).toEqual({
      ok: false,
      error: { code: 'second-factor-reused', message: 'That code was used already. Wait for the next code in your authenticator app.' },
    });
    world.clock.advance(STEP_MS);
    expect((await signIn({ kind: 'totp', code: authenticatorCode(secret, world.clock.now()) })).ok).toBe(true);
  });

  it('refuses the code used to confirm enrolment, and an older code still inside the clock window', async () => {
    const { secret } = await enrol();
    const confirmCode = authenticatorCode(secret, world.clock.now());
    expect(await signIn({ kind: 'totp', code: confirmCode })).toMatchObject({ ok: false, error: { code: 'second-factor-reused' } });
    world.clock.advance(STEP_MS);
    const previous = authenticatorCode(secret, world.clock.now() - STEP_MS);
    expect(await signIn({ kind: 'totp', code: previous })).toMatchObject({ ok: false, error: { code: 'second-factor-reused' } });
  });

  it('accepts a code from a phone clock 30 seconds behind', async () => {
    const { secret } = await enrol();
    world.clock.advance(5 * STEP_MS);
    expect((await signIn({ kind: 'totp', code: authenticatorCode(secret, world.clock.now() - STEP_MS) })).ok).toBe(true);
  });

  it('refuses a wrong code and a code from two minutes ago, and counts them as failures', async () => {
    const { secret } = await enrol();
    world.clock.advance(10 * STEP_MS);
    const stale = authenticatorCode(secret, world.clock.now() - 4 * STEP_MS);
    const current = authenticatorCode(secret, world.clock.now());
    const wrong = ['000000', '111111', '222222'].find((code) => code !== current && code !== stale)!;
    expect(await signIn({ kind: 'totp', code: wrong })).toMatchObject({ ok: false, error: { code: 'invalid-second-factor' } });
    if (stale !== current) {
      expect(await signIn({ kind: 'totp', code: stale })).toMatchObject({ ok: false, error: { code: 'invalid-second-factor' } });
    }
    for (let attempt = 0; attempt < 5; attempt += 1) await signIn({ kind: 'totp', code: wrong });
    expect(await signIn({ kind: 'totp', code: current })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
  });

  it('signs in once with each recovery code, however it is typed', async () => {
    const { recoveryCodes } = await enrol();
    const first = await signIn({ kind: 'recovery', code: recoveryCodes[0]! });
    expect(first).toMatchObject({ ok: true, value: { recoveryCodesLeft: 9 } });
    expect(await signIn({ kind: 'recovery', code: recoveryCodes[0]! })).toMatchObject({
      ok: false,
      error: { code: 'invalid-second-factor' },
    });
    // Upper case, without dashes: the shared schema normalizes it as the HTTP API would.
    const typed = recoveryCodeSchema.parse(recoveryCodes[1]!.toUpperCase().replace(/-/g, ' '));
    expect(await signIn({ kind: 'recovery', code: typed })).toMatchObject({ ok: true, value: { recoveryCodesLeft: 8 } });
    expect(await signIn({ kind: 'recovery', code: 'zzzz-zzzz-zzzz-zzzz' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-second-factor' },
    });
  });

  it('turns off only with the password and a valid code; then sign-in needs no code', async () => {
    const { secret } = await enrol();
    world.clock.advance(STEP_MS);
    const code = authenticatorCode(secret, world.clock.now());
    expect(await world.service.disableTotp(accountId, 'wrong password', { kind: 'totp', code }, ADDRESS)).toMatchObject({
      ok: false,
      error: { code: 'invalid-credentials' },
    });
    expect(
      await world.service.disableTotp(accountId, person.password, { kind: 'totp', code: code === '123456' ? '654321' : '123456' }, ADDRESS),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-second-factor' },
    });
    expect(await world.service.disableTotp(accountId, person.password, { kind: 'totp', code }, ADDRESS)).toEqual({
      ok: true,
      value: { totpEnabled: false },
    });
    expect((await signIn()).ok).toBe(true);
    expect(await world.service.disableTotp(accountId, person.password, { kind: 'totp', code }, ADDRESS)).toMatchObject({
      ok: false,
      error: { code: 'totp-not-enabled' },
    });
  });
});
