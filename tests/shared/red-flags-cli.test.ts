import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runTs = (script: string, args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });

const workDir = mkdtempSync(join(tmpdir(), 'redflags-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('npm run redflags', () => {
  it('labels one message per line, reports bad lines by number on stderr and keeps going', () => {
    const file = join(workDir, 'messages.jsonl');
    writeFileSync(
      file,
      [
        '{"text": "add me on sn@pchat"}',
        'not json',
        '{"txt": "typo in the key"}',
        '',
        '{"text": "I live for music", "flags": ["money"]}',
        '{"text": 5}',
        '{"text": "send me $50 or nudes"}',
      ].join('\n'),
    );
    const result = runTs('scripts/redflags.ts', [file]);
    expect(result.status).toBe(1);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { text: 'add me on sn@pchat', flags: ['leave-platform'] },
      { text: 'I live for music', flags: [] },
      { text: 'send me $50 or nudes', flags: ['money', 'intimacy-pressure'] },
    ]);
    expect(result.stderr).toContain(`${file}:2: not valid JSON`);
    expect(result.stderr).toContain(`${file}:3: expected an object with a string "text" field`);
    expect(result.stderr).toContain(`${file}:6: expected an object with a string "text" field`);
    expect(result.stderr).toContain('3 bad line(s) skipped');
  });

  it('reads standard input with "-" and exits 0 when every line is good', () => {
    const result = runTs('scripts/redflags.ts', ['-'], '{"text": "how old r u"}\n');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ text: 'how old r u', flags: ['personal-info'] });
    expect(result.stderr).toBe('');
  });

  it('explains itself when the file is missing or not given', () => {
    const missing = runTs('scripts/redflags.ts', [join(workDir, 'nope.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.jsonl: ENOENT/);
    const noArgument = runTs('scripts/redflags.ts', []);
    expect(noArgument.status).toBe(2);
    expect(noArgument.stderr).toContain('usage: npm run redflags -- FILE.jsonl');
  });
});

describe('npm run bench:redflags', () => {
  it('prints JSON with precision and recall per category for the corpus and each of its parts, and a throughput', () => {
    const result = runTs('bench/red-flags-bench.ts', []);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      meetsTarget: boolean;
      all: { messages: number; categories: Record<string, { precision: number; recall: number }> };
      parts: Record<string, { messages: number }>;
      throughput: { messagesPerSecond: number };
    };
    expect(report.meetsTarget).toBe(true);
    expect(report.all.messages).toBeGreaterThanOrEqual(300);
    expect(Object.keys(report.all.categories)).toEqual(['personal-info', 'leave-platform', 'money', 'intimacy-pressure', 'avoids-video']);
    expect(Object.keys(report.parts)).toEqual(['dev', 'held-out', 'blind']);
    expect(report.throughput.messagesPerSecond).toBeGreaterThan(1000);
  });
});
