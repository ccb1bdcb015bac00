/**
 * The security scan for real: electronegativity runs (offline) over small
 * source folders written here, and `npm run scan:security`'s script exits
 * non-zero on a finding the allow-list does not explain.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  installedElectronVersion,
  parseAllowList,
  reviewFindings,
  runElectronegativity,
  type Finding,
} from '../../scripts/security-findings';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-security-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function sourceFolder(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const INSECURE_WINDOW = `
import { BrowserWindow } from 'electron';
export function open() {
  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
  window.loadURL('http://example.com');
}
`;

describe('runElectronegativity', () => {
  it('finds an insecure BrowserWindow, offline, with file and line', () => {
    const findings = runElectronegativity(sourceFolder('insecure', { 'main/window.ts': INSECURE_WINDOW }), installedElectronVersion());
    const checks = findings.map((finding) => finding.check);
    expect(checks).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK']));
    expect(findings.find((finding) => finding.check === 'SANDBOX_JS_CHECK')).toMatchObject({ file: 'main/window.ts', line: 4 });
    expect(findings.find((finding) => finding.check === 'HTTP_RESOURCES_JS_CHECK')).toMatchObject({ file: 'main/window.ts', line: 5 });
    // No permission handler and no navigation limits anywhere: whole-project findings.
    expect(findings).toContainEqual(expect.objectContaining({ check: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', file: '(global)' }));
    expect(findings).toContainEqual(expect.objectContaining({ check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: '(global)' }));
  });

  it('refuses a folder that does not exist', () => {
    expect(() => runElectronegativity(path.join(scratch, 'missing'), '45.5.0')).toThrow(/not a folder/);
  });
});

describe('reviewFindings', () => {
  const finding = (check: string, file: string): Finding => ({ check, file, line: 1, message: 'm' });
  const entry = (check: string, file: string) => ({ check, file, reason: 'Safe because of a reason that is long enough, see a test.' });

  it('matches on check and file, and reports the rest as unexplained and unused entries as stale', () => {
    const review = reviewFindings(
      [
        finding('SANDBOX_JS_CHECK', 'main/index.ts'),
        finding('SANDBOX_JS_CHECK', 'main/other.ts'),
        finding('NODE_INTEGRATION_JS_CHECK', 'main/index.ts'),
      ],
      { entries: [entry('SANDBOX_JS_CHECK', 'main/index.ts'), entry('OPEN_EXTERNAL_JS_CHECK', 'main/index.ts')] },
    );
    expect(review.reviewed.map((item) => item.finding.file)).toEqual(['main/index.ts']);
    expect(review.unexplained.map((item) => `${item.check} ${item.file}`)).toEqual([
      'SANDBOX_JS_CHECK main/other.ts',
      'NODE_INTEGRATION_JS_CHECK main/index.ts',
    ]);
    expect(review.stale.map((item) => item.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
  });
});

describe('parseAllowList', () => {
  it('reads the repository allow-list, every entry with a reason', () => {
    const list = parseAllowList(fs.readFileSync(path.join(root, 'security-allowlist.json'), 'utf8'));
    expect(list.entries.length).toBeGreaterThan(0);
  });

  it.each([
    ['not json', /not JSON/],
    ['{"entries":[{"check":"SANDBOX_JS_CHECK","file":"main/index.ts"}]}', /entries\.0\.reason/],
    ['{"entries":[{"check":"SANDBOX_JS_CHECK","file":"main/index.ts","reason":"fine"}]}', /40 characters/],
    ['{"entries":[{"check":"sandbox","file":"main/index.ts","reason":"' + 'x'.repeat(50) + '"}]}', /check id/],
    ['{"entries":[{"check":"SANDBOX_JS_CHECK","file":"a","reason":"' + 'x'.repeat(50) + '","line":3}]}', /Unrecognized key/],
  ])('refuses %j with a clear error', (json, message) => {
    expect(() => parseAllowList(json)).toThrow(message);
  });
});

describe('scan-security.ts', () => {
  function scan(input: string, allowList: object) {
    const listFile = path.join(scratch, `allow-${path.basename(input)}.json`);
    fs.writeFileSync(listFile, JSON.stringify(allowList));
    return spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'scripts/scan-security.ts'), '--input', input, '--allow-list', listFile],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
  }

  it('fails on a finding the allow-list does not explain, and passes once each one is explained', () => {
    const input = sourceFolder('cli', { 'main/window.ts': INSECURE_WINDOW });
    const failing = scan(input, { entries: [] });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/UNEXPLAINED {2}CONTEXT_ISOLATION_JS_CHECK main\/window\.ts:4/);

    const found = runElectronegativity(input, installedElectronVersion());
    const reason = 'Deliberately insecure fixture for this test; never shipped with the app.';
    const passing = scan(input, { entries: found.map(({ check, file }) => ({ check, file, reason })) });
    expect(passing.stdout).toMatch(/scan:security passed/);
    expect(passing.status).toBe(0);
  });
});
