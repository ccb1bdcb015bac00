/**
 * Blocks: who blocked whom, stored in the database and mirrored in memory so
 * the matchmaker can ask `eitherBlocked` synchronously for every candidate
 * pair. The blocked account is always resolved from the server's own pair
 * record, never named by the client. The cache changes only after the
 * database did, so a block the client was told about is in force at once.
 */
import type { BlockedAccount } from '../../src/shared/moderation-api';
import type { BlockRepository } from './block-repository';
import { moderationFailure, PAIR_UNKNOWN_MESSAGE, type ModerationResult } from './moderation-result';
import type { PairHistory } from './pair-history';
import { createListeners, errorMessage, type Listeners } from '../../src/shared/listeners';

export interface BlockListOptions {
  repository: BlockRepository;
  pairHistory: PairHistory;
  now?: () => number;
  log?: (event: string, details?: Record<string, unknown>) => void;
}

export interface BlockEvent {
  blockerAccountId: string;
  blockedAccountId: string;
}

export class BlockList {
  /** blocker → the accounts it blocked. */
  private readonly blockedBy = new Map<string, Set<string>>();
  private readonly listeners: Listeners<[BlockEvent]>;
  private readonly repository: BlockRepository;
  private readonly pairHistory: PairHistory;
  private readonly now: () => number;
  private readonly log: (event: string, details?: Record<string, unknown>) => void;

  private constructor(options: BlockListOptions) {
    this.repository = options.repository;
    this.pairHistory = options.pairHistory;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    this.listeners = createListeners((error) => this.log('blocked-listener-error', { error: errorMessage(error) }));
  }

  /** Loads every stored block into memory; the list is ready when this resolves. */
  static async load(options: BlockListOptions): Promise<BlockList> {
    const list = new BlockList(options);
    for (const edge of await options.repository.allBlocks()) list.remember(edge.blockerAccountId, edge.blockedAccountId);
    return list;
  }

  /** For the matchmaker's `mayMeet`: true when either account blocked the other. */
  eitherBlocked(accountA: string, accountB: string): boolean {
    return this.blockedBy.get(accountA)?.has(accountB) === true || this.blockedBy.get(accountB)?.has(accountA) === true;
  }

  /** How many blocks are in force (for operators). */
  get size(): number {
    let count = 0;
    for (const blocked of this.blockedBy.values()) count += blocked.size;
    return count;
  }

  /** Called after each new block, e.g. to end a call between the two that is still running; returns a function that stops the calls. */
  onBlocked(listener: (event: BlockEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Blocks the partner `blockerAccountId` had in the call `pairId`. */
  async blockPartner(blockerAccountId: string, pairId: string): Promise<ModerationResult<{ blocked: BlockedAccount }>> {
    const pair = await this.pairHistory.lookup(pairId, blockerAccountId);
    if (!pair) return moderationFailure('pair-unknown', PAIR_UNKNOWN_MESSAGE);
    if (pair.reportedAccountId === blockerAccountId) return moderationFailure('own-account', 'You cannot block your own account.');
    const result = await this.repository.addBlock(blockerAccountId, pair.reportedAccountId, this.now());
    if (result.outcome === 'account-missing') {
      return moderationFailure('account-deleted', 'That account has been deleted, so it can no longer reach you.');
    }
    this.remember(blockerAccountId, pair.reportedAccountId);
    if (result.outcome === 'blocked') {
      this.log('account-blocked', { blockerAccountId, blockedAccountId: pair.reportedAccountId });
      this.listeners.notify({ blockerAccountId, blockedAccountId: pair.reportedAccountId });
    }
    return { ok: true, value: { blocked: result.blocked }, created: result.outcome === 'blocked' };
  }

  async unblock(blockerAccountId: string, blockedAccountId: string): Promise<ModerationResult<{ removed: boolean }>> {
    const removed = await this.repository.removeBlock(blockerAccountId, blockedAccountId);
    this.blockedBy.get(blockerAccountId)?.delete(blockedAccountId);
    if (this.blockedBy.get(blockerAccountId)?.size === 0) this.blockedBy.delete(blockerAccountId);
    if (removed) this.log('account-unblocked', { blockerAccountId, blockedAccountId });
    return { ok: true, value: { removed } };
  }

  async list(blockerAccountId: string): Promise<ModerationResult<{ blocks: BlockedAccount[] }>> {
    return { ok: true, value: { blocks: await this.repository.listBlocks(blockerAccountId) } };
  }

  /**
   * Drops a deleted account from memory (the database dropped its blocks
   * with the account). Account ids are never reused, so skipping this only
   * costs memory until the next start.
   */
  forgetAccount(accountId: string): void {
    this.blockedBy.delete(accountId);
    for (const [blocker, blocked] of this.blockedBy) {
      blocked.delete(accountId);
      if (blocked.size === 0) this.blockedBy.delete(blocker);
    }
  }

  private remember(blockerAccountId: string, blockedAccountId: string): void {
    const blocked = this.blockedBy.get(blockerAccountId) ?? new Set<string>();
    blocked.add(blockedAccountId);
    this.blockedBy.set(blockerAccountId, blocked);
  }
}
