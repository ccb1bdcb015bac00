import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportReceiptSchema } from '../../../src/shared/moderation-api';
import { jpegDataUrl, stillFrameJpeg } from './jpeg-still-frame';
import { MODERATOR_TOKEN, createModerationTestWorld, reportBody, type ModerationTestWorld } from './moderation-test-world';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Runs `npm run moderate -- ...`'s script as its own process (asynchronously: the server answering it runs in this process). */
function moderate(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  // An empty data folder: nothing from a local `npm start` on this machine may stand in for what a test leaves out.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-no-local-'));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/moderate.ts', ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, CAM_PARTY_MODERATOR_TOKEN: undefined, CAM_PARTY_SERVER_URL: undefined, CAM_PARTY_DATA_DIR: dataDir, ...env },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run moderate', () => {
  let world: ModerationTestWorld;
  beforeEach(async () => {
    world = await createModerationTestWorld();
  });
  afterEach(() => world.close());

  it('lists, shows (saving the frame) and resolves reports through the moderation API', async () => {
    const [reporter, stranger] = [await world.signUp('reporter'), await world.signUp('stranger')];
    const frame = stillFrameJpeg(3_000);
    const body = reportBody(world.callBetween(reporter, stranger), {
      chatExcerpt: [{ from: 'stranger', text: 'send me a gift card', at: world.clock.now() }],
      frame: jpegDataUrl(frame),
    });
    const receipt = reportReceiptSchema.parse((await world.api('POST', '/api/reports', { token: reporter.accessToken, body })).json);
    await world.api('POST', `/api/reports/${receipt.reportId}/details`, {
      token: reporter.accessToken,
      body: { reason: 'money', details: 'kept asking' },
    });
    const env = { CAM_PARTY_MODERATOR_TOKEN: MODERATOR_TOKEN, CAM_PARTY_SERVER_URL: world.base };

    const list = await moderate(['list'], env);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('1 open report, oldest first:');
    expect(list.stdout).toMatch(new RegExp(`${receipt.reportNumber}\\s+due in 2[34]h`));
    expect(list.stdout).toContain(stranger.username);
    expect(list.stdout).toContain('asked for money or gifts');

    const framePath = path.join(world.dir, 'frame.jpg');
    const show = await moderate(['show', receipt.reportNumber, '--save-frame', framePath], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('reported: send me a gift card');
    expect(show.stdout).toContain('Details: kept asking');
    expect(show.stdout).toContain(`saved to ${framePath}`);
    expect(Buffer.compare(fs.readFileSync(framePath), frame)).toBe(0);

    const resolve = await moderate(['resolve', receipt.reportNumber, '--action', 'suspend', '--days', '7', '--note', 'first offence'], env);
    expect(resolve.stderr).toBe('');
    expect(resolve.stdout).toMatch(
      new RegExp(`${receipt.reportNumber} resolved: suspend for 7 days\\. The account is now suspended until 2030-01-22 12:00 UTC\\.`),
    );
    expect(world.moderation.standing.check(stranger.accountId)).toMatchObject({ ok: false, kind: 'suspended' });

    const again = await moderate(['resolve', receipt.reportId, '--action', 'ban', '--server', world.base], {
      CAM_PARTY_MODERATOR_TOKEN: MODERATOR_TOKEN,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/resolved already.*409 report-already-resolved/);
    expect((await moderate(['list', '--json'], env)).stdout).toContain('"openCount": 0');
    // Five command-line processes in a row: a busy machine needs the room.
  }, 90_000);

  it('explains a wrong command line (exit 2) and a refused token (exit 1)', async () => {
    const env = { CAM_PARTY_MODERATOR_TOKEN: MODERATOR_TOKEN, CAM_PARTY_SERVER_URL: world.base };
    const [noDays, unknown, noToken, wrongToken] = await Promise.all([
      moderate(['resolve', 'R-1001', '--action', 'suspend'], env),
      moderate(['purge'], env),
      moderate(['list'], { CAM_PARTY_SERVER_URL: world.base }),
      moderate(['list'], { ...env, CAM_PARTY_MODERATOR_TOKEN: 'not-the-token' }),
    ]);
    expect([noDays.code, noDays.stderr.trim()]).toEqual([2, 'suspend needs --days N.']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "purge"[\s\S]*usage: npm run moderate/);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/CAM_PARTY_MODERATOR_TOKEN/);
    expect(wrongToken.code).toBe(1);
    expect(wrongToken.stderr).toMatch(/moderator token is not right.*401 moderator-token-invalid/);
  }, 90_000);
});
