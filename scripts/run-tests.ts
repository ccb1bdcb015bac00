/**
 * `npm test`: every check, in the order that fails fastest, then one
 * closing line that counts the tests: "tests: N passed, N failed, N skipped".
 *
 *   format → lint → typecheck → build → security scan → unit tests → end-to-end tests
 *
 * Unit tests run inside a private D-Bus session with an unlocked
 * gnome-keyring when this machine has one, so the keychain tests talk to a
 * real Secret Service without touching the person's own keyring.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${title}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${title} (${seconds} s)`);
  return ok;
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function addVitestCounts(file: string): void {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
}

function addPlaywrightCounts(file: string): void {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  total.passed += report.stats.expected + report.stats.flaky;
  total.failed += report.stats.unexpected;
  total.skipped += report.stats.skipped;
}

const vitestReport = path.join(results, 'vitest.json');
const playwrightReport = path.join(results, 'playwright.json');
for (const file of [vitestReport, playwrightReport]) fs.rmSync(file, { force: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const stages: Array<() => boolean> = [
  () => run('format', npm, ['run', '--silent', 'format:check']),
  () => run('lint', npm, ['run', '--silent', 'lint']),
  () => run('typecheck', npm, ['run', '--silent', 'typecheck']),
  () => run('build', npm, ['run', '--silent', 'build']),
  ...(fs.existsSync(path.join(root, 'scripts/scan-security.ts'))
    ? [() => run('security scan', npm, ['run', '--silent', 'scan:security'])]
    : []),
  () => {
    const vitest = [npx, 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`];
    const keyring = path.join(root, 'scripts/with-keyring.sh');
    const useKeyring =
      process.platform === 'linux' && fs.existsSync(keyring) && hasCommand('dbus-run-session') && hasCommand('gnome-keyring-daemon');
    const ok = useKeyring
      ? run('unit tests (private keyring)', 'bash', [keyring, ...vitest])
      : run('unit tests', vitest[0]!, vitest.slice(1));
    addVitestCounts(vitestReport);
    return ok;
  },
  () => {
    const ok = run('end-to-end tests', npx, ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
    });
    addPlaywrightCounts(playwrightReport);
    return ok;
  },
];

let failedStage = false;
for (const stage of stages) {
  if (!stage()) {
    failedStage = true;
    break;
  }
}
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStage || total.failed > 0 ? 1 : 0);
