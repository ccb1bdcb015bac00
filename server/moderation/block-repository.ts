/**
 * What blocking needs from storage. Like the account repository, every
 * method returns a promise so a larger deployment can use a server database;
 * each one is atomic on its own.
 */
import type { BlockedAccount } from '../../src/shared/moderation-api';

export interface BlockEdge {
  blockerAccountId: string;
  blockedAccountId: string;
}

export type AddBlockResult =
  | { outcome: 'blocked' | 'already-blocked'; blocked: BlockedAccount }
  /** One of the two accounts no longer exists. */
  | { outcome: 'account-missing' };

export interface BlockRepository {
  /** Stores the block (or finds the one stored already) and returns the blocked account as the blocker's list shows it. */
  addBlock(blockerAccountId: string, blockedAccountId: string, blockedAt: number): Promise<AddBlockResult>;
  /** True when there was such a block. */
  removeBlock(blockerAccountId: string, blockedAccountId: string): Promise<boolean>;
  /** The blocker's list, newest first. */
  listBlocks(blockerAccountId: string): Promise<BlockedAccount[]>;
  /** Every block, for loading the in-memory block list when the server starts. */
  allBlocks(): Promise<BlockEdge[]>;
}
