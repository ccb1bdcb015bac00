/**
 * The limits on guessing and on making accounts: failed sign-ins per email
 * address and per network address, and new accounts per network address.
 * A password confirmation (turning off 2FA, deleting the account) counts as
 * a sign-in here too.
 */
import { fail, inMinutes, type AccountsLog, type ServiceFailure } from './account-result';
import { SlidingWindowLimiter, type SlidingWindowLimit } from './sliding-window-limiter';

export interface AccountLimits {
  /** Failed sign-ins (wrong password or wrong code) for one email address, from anywhere. */
  signInFailuresPerAccount: SlidingWindowLimit;
  /** Failed sign-ins from one address (an IPv4 address or an IPv6 /64), for any account. */
  signInFailuresPerAddress: SlidingWindowLimit;
  /** New accounts from one address: each costs a password hash, and each is a fresh identity. */
  signUpsPerAddress: SlidingWindowLimit;
}

const MINUTE = 60_000;
export const DEFAULT_ACCOUNT_LIMITS: AccountLimits = {
  signInFailuresPerAccount: { limit: 5, windowMs: 15 * MINUTE },
  signInFailuresPerAddress: { limit: 20, windowMs: 15 * MINUTE },
  signUpsPerAddress: { limit: 10, windowMs: 60 * MINUTE },
};

/** The key under which an account's failures are counted. */
export const accountKeyOf = (email: string): string => `email:${email}`;

export class SignInGuard {
  private readonly accountFailures: SlidingWindowLimiter;
  private readonly addressFailures: SlidingWindowLimiter;
  private readonly addressSignUps: SlidingWindowLimiter;

  constructor(
    limits: Partial<AccountLimits> | undefined,
    now: () => number,
    private readonly log: AccountsLog,
  ) {
    const merged = { ...DEFAULT_ACCOUNT_LIMITS, ...limits };
    this.accountFailures = new SlidingWindowLimiter(merged.signInFailuresPerAccount, now);
    this.addressFailures = new SlidingWindowLimiter(merged.signInFailuresPerAddress, now);
    this.addressSignUps = new SlidingWindowLimiter(merged.signUpsPerAddress, now);
  }

  /** Counts a sign-up from `address`, or refuses it when that address made too many. */
  admitSignUp(address: string): ServiceFailure | null {
    const wait = this.addressSignUps.retryAfterMs(address);
    if (wait > 0) {
      this.log('sign-up-rate-limited', { address });
      return fail('rate-limited', `Too many new accounts from your network. Try again in ${inMinutes(wait)}.`, Math.ceil(wait / 1000));
    }
    this.addressSignUps.record(address);
    return null;
  }

  /** A refusal while the account or the address has too many recent failures, else null. */
  refusal(accountKey: string, address: string): ServiceFailure | null {
    const wait = Math.max(this.accountFailures.retryAfterMs(accountKey), this.addressFailures.retryAfterMs(address));
    if (wait === 0) return null;
    this.log('sign-in-rate-limited', { address });
    return fail('rate-limited', `Too many failed sign-in attempts. Try again in ${inMinutes(wait)}.`, Math.ceil(wait / 1000));
  }

  recordFailure(accountKey: string, address: string, reason: string, accountId?: string): void {
    this.accountFailures.record(accountKey);
    this.addressFailures.record(address);
    this.log('sign-in-failed', { reason, address, ...(accountId ? { accountId } : {}) });
  }

  /** After a success: only the account's count, so an address's record of guesses at other accounts stays. */
  clearAccount(accountKey: string): void {
    this.accountFailures.reset(accountKey);
  }
}
