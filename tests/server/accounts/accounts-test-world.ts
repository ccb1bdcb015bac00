/**
 * A real accounts stack for tests: a SQLite file in a fresh temp folder, the
 * repository, and the service with a clock the test moves. scrypt runs for
 * real with a lower cost (2^12 instead of 2^17) so the suite stays fast; the
 * production parameters have their own test in password-hasher.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../../../server/database';
import { SqliteAccountRepository } from '../../../server/accounts/sqlite-account-repository';
import { AccountService, type AccountLimits } from '../../../server/accounts/account-service';
import { PasswordHasher } from '../../../server/accounts/password-hasher';

import { FAST_SCRYPT } from '../../support/test-server';

export { FAST_SCRYPT };

export interface AccountsTestWorld {
  dir: string;
  databasePath: string;
  db: Db;
  repository: SqliteAccountRepository;
  service: AccountService;
  clock: { now: () => number; advance: (ms: number) => void; set: (ms: number) => void };
  logs: string[];
  close: () => void;
}

export function createAccountsTestWorld(options: { limits?: Partial<AccountLimits> } = {}): AccountsTestWorld {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-accounts-'));
  const databasePath = path.join(dir, 'server.sqlite');
  const db = openDatabase(databasePath);
  const repository = new SqliteAccountRepository(db);
  // A fixed start in 2030, so clock moves in tests are exact.
  let time = Date.UTC(2030, 0, 15, 12, 0, 0);
  const clock = {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    set: (ms: number) => {
      time = ms;
    },
  };
  const logs: string[] = [];
  const service = new AccountService({
    repository,
    accessTokenSecret: randomBytes(32),
    now: clock.now,
    passwordHasher: new PasswordHasher(FAST_SCRYPT),
    limits: options.limits,
    log: (event, details) => logs.push(JSON.stringify({ event, ...details })),
  });
  return {
    dir,
    databasePath,
    db,
    repository,
    service,
    clock,
    logs,
    close: () => {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A fresh, valid sign-up request; usernames avoid names and years so they draw no warnings. */
export function newPerson(label = 'person'): { email: string; username: string; password: string } {
  counter += 1;
  return {
    email: `${label}${counter}@example.test`,
    username: `${label}_${randomBytes(3).toString('hex')}`,
    password: `correct horse ${randomBytes(6).toString('hex')}`,
  };
}
