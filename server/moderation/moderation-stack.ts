/**
 * Everything for safety on one database, wired together: the pair history
 * the matchmaker records into, the block list and account standing it asks,
 * the report service, the moderation queue, and the HTTP handler that serves
 * them. The block list and standing are loaded into memory before this resolves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../database';
import type { SlidingWindowLimit } from '../accounts/sliding-window-limiter';
import { AccountStanding } from './account-standing';
import { BlockList } from './block-list';
import { createModerationHttpHandler, type AccessTokenVerifier } from './moderation-http-handler';
import { ModerationQueue } from './moderation-queue';
import { PAIR_RETENTION_MS } from './pair-history';
import { ReportService, type AutoSuspensionRule, type ReportLimits } from './report-service';
import { SqliteBlockRepository } from './sqlite-block-repository';
import { SqlitePairHistory } from './sqlite-pair-history';
import { SqliteReportRepository } from './sqlite-report-repository';
import { SqliteStandingRepository } from './sqlite-standing-repository';

export interface ModerationOptions {
  db: Db;
  /** Checks people's access tokens (the AccountService). */
  accounts: AccessTokenVerifier;
  /** From readModeratorToken(process.env); null turns the moderation API off. */
  moderatorToken: string | null;
  now?: () => number;
  reportLimits?: Partial<ReportLimits>;
  autoSuspension?: Partial<AutoSuspensionRule>;
  moderatorTokenFailures?: SlidingWindowLimit;
  pairRetentionMs?: number;
  clientAddress?: (request: IncomingMessage) => string;
  log?: (event: string, details?: Record<string, unknown>) => void;
}

export interface Moderation {
  pairHistory: SqlitePairHistory;
  blockList: BlockList;
  standing: AccountStanding;
  reports: ReportService;
  queue: ModerationQueue;
  /** Mount beside the accounts handler: `if (handleModeration(request, response)) return;`. */
  handler: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Writes what is still in memory (recent pairs) to the database; call before closing the database. */
  close(): void;
}

export async function createModeration(options: ModerationOptions): Promise<Moderation> {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const pairHistory = new SqlitePairHistory(options.db, { now, retentionMs: options.pairRetentionMs ?? PAIR_RETENTION_MS, log });
  const blockList = await BlockList.load({ repository: new SqliteBlockRepository(options.db), pairHistory, now, log });
  const standing = await AccountStanding.load({ repository: new SqliteStandingRepository(options.db), now, log });
  const reportRepository = new SqliteReportRepository(options.db);
  const reports = new ReportService({
    repository: reportRepository,
    pairHistory,
    standing,
    now,
    limits: options.reportLimits,
    autoSuspension: options.autoSuspension,
    log,
  });
  const queue = new ModerationQueue({ repository: reportRepository, standing, now, log });
  const handler = createModerationHttpHandler(
    { accounts: options.accounts, reports, blocks: blockList, queue, moderatorToken: options.moderatorToken },
    { now, log, clientAddress: options.clientAddress, moderatorTokenFailures: options.moderatorTokenFailures },
  );
  return { pairHistory, blockList, standing, reports, queue, handler, close: () => pairHistory.flush() };
}
