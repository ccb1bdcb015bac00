/**
 * Two-factor authentication for one account: enrolment (a TOTP secret, its
 * QR code, then a first code that turns it on and returns recovery codes)
 * and checking a second factor at sign-in, where each TOTP step and each
 * recovery code works once.
 */
import type { SecondFactor, TotpEnrolResponse } from '../../src/shared/accounts-api';
import { fail, INVALID_SECOND_FACTOR, SESSION_ENDED, type AccountsLog, type ServiceResult } from './account-result';
import type { AccountRepository } from './account-repository';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, totpQrCodeDataUrl, totpStepOf, totpUri } from './totp';

const ALREADY_ON = 'Two-factor authentication is on already.';

export class SecondFactors {
  constructor(
    private readonly repository: AccountRepository,
    private readonly now: () => number,
    private readonly log: AccountsLog,
  ) {}

  /** Whether the account has a confirmed TOTP secret (and so needs a second factor to sign in). */
  async secretOf(accountId: string): Promise<string | null> {
    const totp = await this.repository.getTotp(accountId);
    return totp?.confirmedAt != null ? totp.secret : null;
  }

  /** Starts (or restarts) enrolment: the secret, its otpauth:// URI and a QR code of it. */
  async startEnrolment(accountId: string): Promise<ServiceResult<TotpEnrolResponse>> {
    const account = await this.repository.findAccountById(accountId);
    if (!account) return fail('access-token-invalid', SESSION_ENDED);
    if (await this.secretOf(accountId)) return fail('totp-already-enabled', ALREADY_ON);
    const secret = newTotpSecret();
    await this.repository.savePendingTotp(accountId, secret, this.now());
    const otpauthUri = totpUri(secret, account.username);
    return { ok: true, value: { secret, otpauthUri, qrCodeDataUrl: await totpQrCodeDataUrl(otpauthUri) } };
  }

  /** Confirms enrolment with a first code; returns the recovery codes, which are never shown again. */
  async confirmEnrolment(accountId: string, code: string): Promise<ServiceResult<{ recoveryCodes: string[] }>> {
    const totp = await this.repository.getTotp(accountId);
    if (!totp) return fail('totp-not-started', 'Start setting up two-factor authentication first.');
    if (totp.confirmedAt !== null) return fail('totp-already-enabled', ALREADY_ON);
    const step = totpStepOf(totp.secret, code, this.now());
    if (step === null) return fail('invalid-second-factor', INVALID_SECOND_FACTOR);
    const recoveryCodes = newRecoveryCodes();
    const confirmed = await this.repository.confirmTotp(accountId, this.now(), step, recoveryCodes.map(hashRecoveryCode));
    if (!confirmed) return fail('totp-already-enabled', ALREADY_ON);
    this.log('totp-enabled', { accountId });
    return { ok: true, value: { recoveryCodes } };
  }

  /** Checks a TOTP code (each time step once) or uses up a recovery code. */
  async check(accountId: string, secret: string, factor: SecondFactor): Promise<ServiceResult<null>> {
    if (factor.kind === 'recovery') {
      const used = await this.repository.consumeRecoveryCode(accountId, hashRecoveryCode(factor.code));
      return used ? { ok: true, value: null } : fail('invalid-second-factor', 'That recovery code is not right, or it was used already.');
    }
    const step = totpStepOf(secret, factor.code, this.now());
    if (step === null) return fail('invalid-second-factor', INVALID_SECOND_FACTOR);
    if (!(await this.repository.claimTotpStep(accountId, step))) {
      return fail('second-factor-reused', 'That code was used already. Wait for the next code in your authenticator app.');
    }
    return { ok: true, value: null };
  }

  /** Turns 2FA off with a current code (or a recovery code); `onRefused` counts a wrong one. */
  async disable(
    accountId: string,
    factor: SecondFactor,
    onRefused: (reason: string) => void,
  ): Promise<ServiceResult<{ totpEnabled: false }>> {
    const secret = await this.secretOf(accountId);
    if (!secret) return fail('totp-not-enabled', 'Two-factor authentication is not on.');
    const checked = await this.check(accountId, secret, factor);
    if (!checked.ok) {
      onRefused(checked.error.code);
      return checked;
    }
    await this.repository.deleteTotp(accountId);
    this.log('totp-disabled', { accountId });
    return { ok: true, value: { totpEnabled: false } };
  }
}
