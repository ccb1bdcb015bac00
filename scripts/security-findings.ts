/**
 * Runs @doyensec/electronegativity over a source folder (offline, with the
 * Electron version given), reads its SARIF report, and sorts each finding
 * into "reviewed" (listed in the allow-list, with a reason) or
 * "unexplained". electronegativity itself exits 0 whatever it finds, so
 * this is what turns a finding into a failure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const require = createRequire(import.meta.url);

export interface Finding {
  check: string;
  /** Path relative to the scanned folder, with forward slashes; "(global)" for whole-project checks. */
  file: string;
  line: number;
  message: string;
}

const allowListSchema = z.object({
  entries: z.array(
    z.strictObject({
      check: z.string().regex(/^[A-Z0-9_]+$/, 'a check id such as CONTEXT_ISOLATION_JS_CHECK'),
      file: z.string().min(1),
      reason: z.string().min(40, 'say why the finding is safe and which test proves it (40 characters at least)'),
    }),
  ),
});
export type AllowList = z.infer<typeof allowListSchema>;
export type AllowListEntry = AllowList['entries'][number];

export function parseAllowList(json: string, source = 'the allow-list'): AllowList {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = allowListSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${source} is invalid at ${issue.path.join('.') || 'the top'}: ${issue.message}`);
  }
  return parsed.data;
}

const sarifSchema = z.object({
  runs: z
    .array(
      z.object({
        results: z.array(
          z.object({
            ruleId: z.string(),
            message: z.object({ text: z.string() }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z.object({
                    artifactLocation: z.object({ uri: z.string() }),
                    region: z.object({ startLine: z.number() }).optional(),
                  }),
                }),
              )
              .min(1),
          }),
        ),
      }),
    )
    .length(1),
});

export const GLOBAL_FILE = '(global)';

export function parseSarif(json: string): Finding[] {
  const report = sarifSchema.parse(JSON.parse(json));
  return report.runs[0]!.results.map((result) => {
    const location = result.locations[0]!.physicalLocation;
    const uri = location.artifactLocation.uri;
    return {
      check: result.ruleId,
      // Global checks (e.g. "no permission handler anywhere") point at no file.
      file: uri === 'file:///' ? GLOBAL_FILE : uri.replaceAll('\\', '/'),
      line: location.region?.startLine ?? 0,
      message: result.message.text,
    };
  });
}

export interface Review {
  reviewed: { finding: Finding; entry: AllowListEntry }[];
  unexplained: Finding[];
  /** Entries that match no finding any more: the code changed, so the entry must go. */
  stale: AllowListEntry[];
}

export function reviewFindings(findings: readonly Finding[], allowList: AllowList): Review {
  const used = new Set<AllowListEntry>();
  const review: Review = { reviewed: [], unexplained: [], stale: [] };
  for (const finding of findings) {
    const entry = allowList.entries.find((candidate) => candidate.check === finding.check && candidate.file === finding.file);
    if (entry) {
      used.add(entry);
      review.reviewed.push({ finding, entry });
    } else {
      review.unexplained.push(finding);
    }
  }
  review.stale = allowList.entries.filter((entry) => !used.has(entry));
  return review;
}

export function installedElectronVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Runs electronegativity on `inputDir` and returns its findings. */
export function runElectronegativity(inputDir: string, electronVersion: string): Finding[] {
  if (!fs.statSync(inputDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`Nothing to scan: ${inputDir} is not a folder.`);
  }
  const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
  const offline = path.join(import.meta.dirname, 'electronegativity-offline.cjs');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
  const report = path.join(workDir, 'report.sarif');
  try {
    const result = spawnSync(
      process.execPath,
      ['--require', offline, cli, '--input', inputDir, '--output', report, '--electron-version', electronVersion, '--relative'],
      // LANG pins the bundled English texts; TMPDIR keeps its scratch files out of the shared temp folder.
      { encoding: 'utf8', env: { ...process.env, LANG: 'en-US', TMPDIR: workDir }, timeout: 120_000 },
    );
    if (result.status !== 0 || !fs.existsSync(report)) {
      throw new Error(`electronegativity failed (exit ${result.status ?? result.signal}):\n${result.stderr || result.stdout}`);
    }
    return parseSarif(fs.readFileSync(report, 'utf8'));
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
