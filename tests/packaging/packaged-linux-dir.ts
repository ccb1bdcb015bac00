/**
 * The unpacked Linux app for the packaging tests, built once per content:
 * `buildLinuxDir` (the same code as `npm run package:dir`) runs only when
 * something it packs has changed since the last build on this machine.
 * The key hashes every file that feeds the package; the result is kept in
 * the temp folder, the previous one deleted. A build costs about a minute.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildLinuxDir, type LinuxDirBuild } from '../../scripts/packaging/build-linux-dir';

const root = path.resolve(import.meta.dirname, '../..');
const cacheRoot = path.join(os.tmpdir(), 'cam-party-linux-dir-cache');

/** Everything the package is made from: the app's sources, its build and packaging configuration. */
const INPUTS = [
  'src',
  'build',
  'resources',
  'scripts/packaging',
  'scripts/electron-fuses.cjs',
  'package.json',
  'package-lock.json',
  'electron-builder.yml',
  'electron.vite.config.ts',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];

function filesUnder(relative: string): string[] {
  const absolute = path.join(root, relative);
  if (!fs.existsSync(absolute)) return [];
  if (fs.statSync(absolute).isFile()) return [relative];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function contentKey(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export type PackagedApp = LinuxDirBuild & { fromCache: boolean };

export async function packagedLinuxDir(): Promise<PackagedApp> {
  const key = contentKey();
  const outputDir = path.join(cacheRoot, key, 'release');
  const record = path.join(cacheRoot, key, 'build.json');
  if (fs.existsSync(record)) {
    return { ...(JSON.parse(fs.readFileSync(record, 'utf8')) as LinuxDirBuild), fromCache: true };
  }
  fs.rmSync(cacheRoot, { recursive: true, force: true });
  const workDir = path.join(cacheRoot, key, 'work');
  try {
    const build = await buildLinuxDir({ root, workDir, outputDir, echo: false });
    // Written last: a build.json means a complete build.
    fs.writeFileSync(record, JSON.stringify(build));
    return { ...build, fromCache: false };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
