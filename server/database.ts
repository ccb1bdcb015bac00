/**
 * The embedded SQLite database (better-sqlite3): opened in WAL mode with
 * synchronous writes, and migrated forward one numbered step at a time.
 * Repositories (accounts, blocks, reports) each take this handle.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Each entry moves the schema one version forward; never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  // 1: accounts, sessions and two-factor authentication (server/accounts/).
  // Secrets a client presents (passwords, refresh tokens, recovery codes) are
  // stored only as hashes. Tables owned by an account cascade on its deletion.
  `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX sessions_by_account ON sessions(account_id);

  -- A used token stays until it expires, so that a replay of it is noticed (and ends its session).
  CREATE TABLE refresh_tokens (
    token_hash BLOB PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX refresh_tokens_by_session ON refresh_tokens(session_id);
  CREATE INDEX refresh_tokens_by_expiry ON refresh_tokens(expires_at);

  -- The TOTP secret must be readable to check codes. last_used_step refuses a
  -- code for that time step or an earlier one (RFC 6238 section 5.2).
  CREATE TABLE totp_secrets (
    account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    last_used_step INTEGER
  ) STRICT;

  CREATE TABLE recovery_codes (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    code_hash BLOB NOT NULL,
    PRIMARY KEY (account_id, code_hash)
  ) STRICT, WITHOUT ROWID;
  `,

  // 2: safety (server/moderation/): recent pairs, blocks, reports and account sanctions.
  // What an account did goes with it (its blocks, its view of recent pairs, its name
  // on the reports it filed); what others reported about it, and its sanctions, stay
  // for moderation, so those columns carry no foreign key.
  `
  -- One row per side of a pair, so a report or a block finds the partner from the
  -- pair id and the caller's own account. Purged after 7 days.
  CREATE TABLE recent_pairs (
    pair_id TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    partner_account_id TEXT NOT NULL,
    partner_alias TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    PRIMARY KEY (pair_id, account_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX recent_pairs_by_start ON recent_pairs(started_at);

  CREATE TABLE blocks (
    blocker_account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    blocked_account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    blocked_at INTEGER NOT NULL,
    PRIMARY KEY (blocker_account_id, blocked_account_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX blocks_by_blocked ON blocks(blocked_account_id);

  -- sequence gives the report number (R-<1000 + sequence>); AUTOINCREMENT never reuses one.
  -- The frame is the decoded JPEG; chat_excerpt is the JSON array the reporter's app sent.
  CREATE TABLE reports (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    reporter_account_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
    reporter_alias TEXT NOT NULL,
    reported_account_id TEXT NOT NULL,
    reported_username TEXT,
    reported_alias TEXT NOT NULL,
    pair_id TEXT NOT NULL,
    call_started_at INTEGER NOT NULL,
    client_call_started_at INTEGER NOT NULL,
    filed_at INTEGER NOT NULL,
    deadline_at INTEGER NOT NULL,
    chat_excerpt TEXT NOT NULL,
    frame BLOB,
    reason TEXT,
    details TEXT,
    details_at INTEGER,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolved_at INTEGER,
    resolution_action TEXT CHECK (resolution_action IN ('dismiss', 'warn', 'suspend', 'ban')),
    resolution_days INTEGER,
    resolution_note TEXT
  ) STRICT;
  CREATE INDEX reports_by_status ON reports(status, filed_at);
  CREATE INDEX reports_by_reported ON reports(reported_account_id, filed_at);
  CREATE INDEX reports_by_reporter ON reports(reporter_account_id, pair_id);

  -- A review hold is the automatic suspension after reports from several accounts;
  -- a moderator's decision on any report about the account lifts it.
  CREATE TABLE account_sanctions (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('warning', 'suspension', 'ban', 'review-hold')),
    created_at INTEGER NOT NULL,
    until INTEGER,
    reason TEXT NOT NULL,
    report_id TEXT,
    lifted_at INTEGER
  ) STRICT;
  CREATE INDEX account_sanctions_by_account ON account_sanctions(account_id);
  `,
];

export function openDatabase(databasePath: string, migrations: readonly string[] = MIGRATIONS): Db {
  if (databasePath !== ':memory:') fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const db = new Database(databasePath);
  db.pragma('journal_mode = WAL');
  // FULL: a write the client was told about survives a crash of the process or the machine.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted rows (a deleted account, a used recovery code) are overwritten with zeros, not left in free pages.
  db.pragma('secure_delete = ON');
  migrate(db, migrations);
  return db;
}

function migrate(db: Db, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`The database is at schema version ${current}, newer than this server (${migrations.length}).`);
  }
  for (let version = current; version < migrations.length; version += 1) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
