import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { describe, expect, it } from 'vitest';
import type { ChatLogRetention } from '../../src/shared/chat-log';
import {
  DIAGNOSTIC_LOG_FILE,
  configureDiagnosticLog,
  redactForDiagnostics,
  sweepDiagnosticLogs,
  type ElectronLogLike,
} from '../../src/main/diagnostic-log';

const DAY = 24 * 60 * 60 * 1000;

describe('diagnostic log', () => {
  it('redacts emails, IP addresses, tokens, phone numbers and cuts long text', () => {
    const line = redactForDiagnostics(
      'sign-in for jane.doe@example.org from 192.168.1.20:443 and 2001:db8::1 with v1.eyJhIjoxfQ.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ and refresh QWERTYUIOPASDFGHJKLZXCVBNM1234567890abc call +1 (415) 555-0132',
    );
    for (const secret of ['jane.doe', '192.168', '2001:db8', 'eyJhIjoxfQ', 'QWERTYUIOP', '555-0132']) expect(line).not.toContain(secret);
    expect(line).toContain('[email]');
    expect(redactForDiagnostics('x'.repeat(400)).length).toBeLessThan(200);
    expect(redactForDiagnostics(new Error('boom at alice@example.org'))).toBe('Error: boom at [email]');
  });

  it('writes through electron-log with the redaction applied, rotates by size, and writes nothing when logs are off', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-logs-'));
    let retention: ChatLogRetention = '30d';
    const log = electronLog.create({ logId: `diagnostic-test-${process.pid}` }) as unknown as ElectronLogLike;
    log.transports.console.level = false;
    const diagnostics = configureDiagnosticLog(log, directory, () => retention);
    diagnostics.warn('socket closed for', 'bob@example.org', { address: '10.0.0.7' });
    const file = path.join(directory, DIAGNOSTIC_LOG_FILE);
    await expect.poll(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8')).toContain('socket closed for [email]');
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/bob@|10\.0\.0\.7/);
    expect(log.transports.file.maxSize).toBe(1024 * 1024);

    retention = 'off';
    const before = fs.readFileSync(file, 'utf8');
    diagnostics.error('while off');
    // Proof by a later line: once logging is back on, the next line lands, and the one written while off is not before it.
    retention = '30d';
    diagnostics.error('back on');
    await expect.poll(() => fs.readFileSync(file, 'utf8')).toContain('back on');
    const after = fs.readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after).not.toContain('while off');
  });

  it('sweeps log files older than the retention, and all of them when logs are off', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-logs-'));
    const now = Date.now();
    const old = path.join(directory, 'cam-party.old.log');
    fs.writeFileSync(old, 'old');
    fs.utimesSync(old, new Date(now - 10 * DAY), new Date(now - 10 * DAY));
    fs.writeFileSync(path.join(directory, DIAGNOSTIC_LOG_FILE), 'new');
    expect(await sweepDiagnosticLogs(directory, '7d', now)).toBe(1);
    expect(fs.readdirSync(directory)).toEqual([DIAGNOSTIC_LOG_FILE]);
    expect(await sweepDiagnosticLogs(directory, 'off', now)).toBe(1);
    expect(fs.readdirSync(directory)).toEqual([]);
  });
});
