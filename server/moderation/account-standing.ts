/**
 * Whether an account may be matched: suspensions, bans and automatic review
 * holds, stored in the database and mirrored in memory so the join path can
 * ask `check` synchronously. Only restrictions are cached (few accounts have
 * one); a restriction that ran out simply stops counting at its end.
 */
import type { AccountStandingCheck } from '../../src/shared/moderation-api';
import type { NewSanction, SanctionRecord, StandingRepository } from './standing-repository';
import { createListeners, errorMessage, type Listeners } from '../../src/shared/listeners';

export interface AccountStandingOptions {
  repository: StandingRepository;
  now?: () => number;
  log?: (event: string, details?: Record<string, unknown>) => void;
}

export interface RestrictedEvent {
  accountId: string;
  standing: Extract<AccountStandingCheck, { ok: false }>;
}

export const REVIEW_HOLD_REASON =
  'Several people reported your account within a short time. You cannot be matched until a moderator has reviewed the reports, which we do within 24 hours.';

export class AccountStanding {
  /** account → its restrictions that were in force when last looked at. */
  private readonly restrictions = new Map<string, SanctionRecord[]>();
  private readonly listeners: Listeners<[RestrictedEvent]>;
  private readonly repository: StandingRepository;
  private readonly now: () => number;
  private readonly log: (event: string, details?: Record<string, unknown>) => void;

  private constructor(options: AccountStandingOptions) {
    this.repository = options.repository;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    this.listeners = createListeners((error) => this.log('restricted-listener-error', { error: errorMessage(error) }));
  }

  static async load(options: AccountStandingOptions): Promise<AccountStanding> {
    const standing = new AccountStanding(options);
    for (const sanction of await options.repository.activeRestrictions(standing.now())) standing.remember(sanction);
    return standing;
  }

  /** For the join path: ok, or why and until when the account may not be matched. A ban outranks a suspension; of suspensions, the longest counts. */
  check(accountId: string): AccountStandingCheck {
    const now = this.now();
    const cached = this.restrictions.get(accountId);
    if (!cached) return { ok: true };
    const active = cached.filter((sanction) => sanction.until === null || sanction.until > now);
    if (active.length === 0) {
      this.restrictions.delete(accountId);
      return { ok: true };
    }
    if (active.length !== cached.length) this.restrictions.set(accountId, active);
    const ban = active.find((sanction) => sanction.kind === 'ban');
    if (ban) return { ok: false, kind: 'banned', until: null, reason: ban.reason };
    const longest = active.reduce((best, sanction) =>
      best.until === null || (sanction.until !== null && sanction.until <= best.until) ? best : sanction,
    );
    return { ok: false, kind: 'suspended', until: longest.until, reason: longest.reason };
  }

  /** Called whenever an account becomes restricted, e.g. to take it out of the queue or a call; returns a function that stops the calls. */
  onRestricted(listener: (event: RestrictedEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  /** The automatic suspension pending review; false (and nothing stored) when the account is restricted already. */
  async holdForReview(accountId: string, reportId: string): Promise<boolean> {
    if (!this.check(accountId).ok) return false;
    await this.add({ accountId, kind: 'review-hold', until: null, reason: REVIEW_HOLD_REASON, reportId });
    this.log('account-held-for-review', { accountId, reportId });
    return true;
  }

  async warn(accountId: string, reason: string, reportId: string | null): Promise<void> {
    await this.add({ accountId, kind: 'warning', until: null, reason, reportId });
  }

  async suspend(accountId: string, until: number, reason: string, reportId: string | null): Promise<void> {
    await this.add({ accountId, kind: 'suspension', until, reason, reportId });
  }

  async ban(accountId: string, reason: string, reportId: string | null): Promise<void> {
    await this.add({ accountId, kind: 'ban', until: null, reason, reportId });
  }

  /** A moderator has looked at the account: the automatic hold ends (their own decision, if any, stays). */
  async liftReviewHolds(accountId: string): Promise<number> {
    const lifted = await this.repository.liftReviewHolds(accountId, this.now());
    const remaining = (this.restrictions.get(accountId) ?? []).filter((sanction) => sanction.kind !== 'review-hold');
    if (remaining.length > 0) this.restrictions.set(accountId, remaining);
    else this.restrictions.delete(accountId);
    if (lifted > 0) this.log('review-hold-lifted', { accountId });
    return lifted;
  }

  /** Every sanction the account ever had, newest first. */
  async history(accountId: string): Promise<SanctionRecord[]> {
    return this.repository.sanctionsOf(accountId);
  }

  private async add(sanction: Omit<NewSanction, 'createdAt'>): Promise<void> {
    const stored = await this.repository.addSanction({ ...sanction, createdAt: this.now() });
    if (stored.kind === 'warning') return;
    this.remember(stored);
    const standing = this.check(stored.accountId);
    if (!standing.ok) this.listeners.notify({ accountId: stored.accountId, standing });
  }

  private remember(sanction: SanctionRecord): void {
    if (sanction.kind === 'warning') return;
    const list = this.restrictions.get(sanction.accountId) ?? [];
    list.push(sanction);
    this.restrictions.set(sanction.accountId, list);
  }
}

/** The words the signaling server sends a restricted account that tries to join. */
export function restrictionMessage(standing: Extract<AccountStandingCheck, { ok: false }>): string {
  const what = standing.kind === 'banned' ? 'Your account is banned from Cam-Party.' : 'Your account is suspended from matching';
  const until =
    standing.kind === 'banned'
      ? ''
      : standing.until === null
        ? ' until a moderator has reviewed it.'
        : ` until ${new Date(standing.until).toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
  return `${what}${until} ${standing.reason}`.slice(0, 512);
}
