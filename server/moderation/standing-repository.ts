/**
 * What account standing needs from storage: the sanctions moderators (or the
 * automatic review hold) placed on accounts. Sanctions are never deleted,
 * only lifted, so an account's history stays for the next moderator.
 */
import type { Sanction } from '../../src/shared/moderation-api';

export type SanctionKind = Sanction['kind'];

export interface SanctionRecord extends Sanction {
  id: number;
  accountId: string;
}

export interface NewSanction {
  accountId: string;
  kind: SanctionKind;
  createdAt: number;
  /** Null: no end (a ban, or a review hold that lasts until a moderator decides). */
  until: number | null;
  /** The words the person is shown. */
  reason: string;
  reportId: string | null;
}

export interface StandingRepository {
  addSanction(sanction: NewSanction): Promise<SanctionRecord>;
  /** Suspensions, bans and review holds that are neither lifted nor over at `now`. */
  activeRestrictions(now: number): Promise<SanctionRecord[]>;
  /** Lifts the account's review holds; returns how many it lifted. */
  liftReviewHolds(accountId: string, liftedAt: number): Promise<number>;
  /** Newest first. */
  sanctionsOf(accountId: string): Promise<SanctionRecord[]>;
}
