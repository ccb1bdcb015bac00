import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportReceiptSchema, type ReportReceipt } from '../../../src/shared/moderation-api';
import { AccountService } from '../../../server/accounts/account-service';
import { PasswordHasher } from '../../../server/accounts/password-hasher';
import { SqliteAccountRepository } from '../../../server/accounts/sqlite-account-repository';
import { openDatabase } from '../../../server/database';
import { SqlitePairHistory } from '../../../server/moderation/sqlite-pair-history';
import { FAST_SCRYPT, newPerson } from '../accounts/accounts-test-world';
import { jpegDataUrl, stillFrameJpeg } from './jpeg-still-frame';

const childScript = path.join(import.meta.dirname, 'report-durability-server.ts');
const REPORTERS = 6;
const CALLS_PER_REPORTER = 100;
const IN_FLIGHT = 8;
/** SIGKILL once this many reports were acknowledged, with more still on the way. */
const KILL_AFTER_ACKS = 150;

interface Filed {
  reportId: string;
  reporterAccountId: string;
  pairId: string;
  receipt: ReportReceipt;
}

describe('report durability', () => {
  let child: ChildProcess | undefined;
  let dir: string | undefined;
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged report when the server process is killed (SIGKILL) while reports stream in', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-durability-'));
    const databasePath = path.join(dir, 'server.sqlite');
    const secret = randomBytes(32);

    // Accounts, tokens and calls, prepared in this process on the same database file.
    const setupDb = openDatabase(databasePath);
    const accounts = new AccountService({
      repository: new SqliteAccountRepository(setupDb),
      accessTokenSecret: secret,
      passwordHasher: new PasswordHasher(FAST_SCRYPT),
    });
    const signUp = async (label: string) => {
      const result = await accounts.signUp(newPerson(label), `10.0.0.${label.length}`);
      if (!result.ok) throw new Error(result.error.message);
      return { accountId: result.value.account.id, accessToken: result.value.accessToken };
    };
    const reported = await signUp('reported');
    const reporters: { accountId: string; accessToken: string }[] = [];
    for (let index = 0; index < REPORTERS; index += 1) reporters.push(await signUp(`reporter${index}`));
    const pairs = new SqlitePairHistory(setupDb);
    const work: { reporter: (typeof reporters)[number]; pairId: string }[] = [];
    for (let call = 0; call < CALLS_PER_REPORTER; call += 1) {
      for (const reporter of reporters) {
        const pairId = `pair-${call}-${reporter.accountId}`;
        pairs.record({
          pairId,
          startedAt: Date.now(),
          sides: [
            { accountId: reporter.accountId, alias: `a${call}` },
            { accountId: reported.accountId, alias: `b${call}` },
          ],
        });
        work.push({ reporter, pairId });
      }
    }
    pairs.flush();
    setupDb.close();

    child = spawn(process.execPath, ['--import', 'tsx', childScript, databasePath], {
      env: { ...process.env, CAM_PARTY_ACCESS_TOKEN_SECRET: secret.toString('base64') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child!.once('exit', (_code, signal) => resolve(signal)));
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /listening (\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', () => reject(new Error(`the server process ended before listening: ${output}`)));
    });

    const frame = stillFrameJpeg(12_000);
    const acknowledged: Filed[] = [];
    let failedInFlight = 0;
    let killed = false;
    let next = 0;
    const fileOne = async (): Promise<void> => {
      while (!killed && next < work.length) {
        const { reporter, pairId } = work[next++]!;
        const reportId = randomUUID();
        const body = JSON.stringify({
          reportId,
          pairId,
          callStartedAt: Date.now(),
          chatExcerpt: [{ from: 'stranger', text: `message in ${pairId}`, at: Date.now() }],
          frame: jpegDataUrl(frame),
        });
        try {
          const response = await fetch(`http://127.0.0.1:${port}/api/reports`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${reporter.accessToken}` },
            body,
          });
          expect(response.status).toBe(201);
          acknowledged.push({
            reportId,
            reporterAccountId: reporter.accountId,
            pairId,
            receipt: reportReceiptSchema.parse(await response.json()),
          });
        } catch (error) {
          // Only a request cut off by the kill may fail.
          if (!killed) throw error;
          failedInFlight += 1;
          return;
        }
        if (acknowledged.length >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          child!.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, fileOne));
    expect(await exited).toBe('SIGKILL');
    expect(killed).toBe(true);
    // The kill came mid-stream: requests were still on their way.
    expect(failedInFlight).toBeGreaterThan(0);

    const db = openDatabase(databasePath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const byId = db.prepare<
        [string],
        {
          sequence: number;
          reporter_account_id: string;
          reported_account_id: string;
          pair_id: string;
          chat_excerpt: string;
          frame: Buffer;
          deadline_at: number;
        }
      >('SELECT sequence, reporter_account_id, reported_account_id, pair_id, chat_excerpt, frame, deadline_at FROM reports WHERE id = ?');
      const missing = acknowledged.filter((filed) => !byId.get(filed.reportId));
      expect(missing).toEqual([]);
      for (const filed of acknowledged) {
        const row = byId.get(filed.reportId)!;
        expect(`R-${row.sequence + 1000}`).toBe(filed.receipt.reportNumber);
        expect(row.deadline_at).toBe(filed.receipt.deadlineAt);
        expect(row).toMatchObject({
          reporter_account_id: filed.reporterAccountId,
          reported_account_id: reported.accountId,
          pair_id: filed.pairId,
        });
        expect(JSON.parse(row.chat_excerpt)[0].text).toBe(`message in ${filed.pairId}`);
        expect(Buffer.compare(row.frame, frame)).toBe(0);
      }
      const stored = db.prepare('SELECT count(*) FROM reports').pluck().get() as number;
      // Reports in flight at the kill may or may not have been stored; none was stored twice.
      expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
      expect(stored).toBeLessThanOrEqual(acknowledged.length + IN_FLIGHT);
      expect(db.prepare('SELECT count(DISTINCT pair_id) FROM reports').pluck().get()).toBe(stored);
    } finally {
      db.close();
    }
  }, 60_000);
});
