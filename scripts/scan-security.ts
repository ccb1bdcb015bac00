/**
 * `npm run scan:security`: electronegativity over src/ with the installed
 * Electron version; fails on any finding that security-allowlist.json does
 * not explain, and on any allow-list entry that no longer matches a
 * finding (so the list stays a true record of what was reviewed).
 *
 *   tsx scripts/scan-security.ts [--input DIR] [--allow-list FILE]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { installedElectronVersion, parseAllowList, reviewFindings, runElectronegativity } from './security-findings';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    input: { type: 'string', default: path.join(root, 'src') },
    'allow-list': { type: 'string', default: path.join(root, 'security-allowlist.json') },
  },
});
const input = path.resolve(values.input);
const allowListFile = path.resolve(values['allow-list']);

const electronVersion = installedElectronVersion();
const allowList = parseAllowList(fs.readFileSync(allowListFile, 'utf8'), path.relative(root, allowListFile));
const started = Date.now();
const findings = runElectronegativity(input, electronVersion);
const review = reviewFindings(findings, allowList);

console.log(
  `electronegativity (Electron ${electronVersion}) over ${path.relative(root, input) || '.'}: ` +
    `${findings.length} findings in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
for (const { finding } of review.reviewed) {
  console.log(`  reviewed     ${finding.check} ${finding.file}:${finding.line}`);
}
for (const finding of review.unexplained) {
  console.log(`  UNEXPLAINED  ${finding.check} ${finding.file}:${finding.line} — ${finding.message}`);
}
for (const entry of review.stale) {
  console.log(`  STALE ENTRY  ${entry.check} ${entry.file}: no such finding any more; remove it from the allow-list`);
}
if (review.unexplained.length > 0 || review.stale.length > 0) {
  console.log(
    `\nscan:security failed: ${review.unexplained.length} unexplained finding(s), ${review.stale.length} stale allow-list entr(y/ies). ` +
      'Fix the code, or add an entry with the reason it is safe and the test that proves it.',
  );
  process.exit(1);
}
console.log('scan:security passed: every finding is reviewed.');
