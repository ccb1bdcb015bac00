/**
 * Builds the unpacked Linux app (`electron-builder --linux dir`) offline:
 * the app is built into a scratch copy of what packaging reads (so another
 * build in the work tree cannot change out/ mid-pack), then packed against
 * the stand-in Electron folder. node_modules is copied as hard links: a
 * symlinked one makes `npm ls`, which electron-builder asks for the
 * production tree, report most packages missing, and they would be left out. The real afterPack hook flips the fuses.
 * Native modules are rebuilt for Electron's ABI only where Electron's
 * headers can be had; otherwise this says so and packs them as installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronHeadersAvailability, type HeadersAvailability } from './electron-headers';
import { writeStandInElectron } from './stand-in-electron';

export interface LinuxDirBuildOptions {
  /** The repository. */
  root: string;
  /** A scratch folder: the project copy and the stand-in Electron go here. */
  workDir: string;
  /** electron-builder's output folder; the app lands in `<outputDir>/linux-unpacked`. */
  outputDir: string;
  /** Show the tools' output as they run (else it is kept for the error message). */
  echo: boolean;
}

export interface LinuxDirBuild {
  appDir: string;
  resourcesDir: string;
  nativeRebuild: HeadersAvailability;
  seconds: { vite: number; builder: number };
}

/** What electron-builder reads besides out/ (node_modules is linked, not copied). */
const PACKAGING_INPUTS = ['package.json', 'package-lock.json', 'electron-builder.yml', 'scripts/electron-fuses.cjs', 'resources'];

function runNode(script: string, args: string[], cwd: string, echo: boolean): number {
  const started = Date.now();
  // At low priority: the build takes a minute of CPU that tests running beside it need more.
  const [command, prefix] = process.platform === 'win32' ? [process.execPath, []] : ['nice', ['-n', '10', process.execPath]];
  const result = spawnSync(command, [...prefix, script, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: echo ? 'inherit' : 'pipe',
    env: { ...process.env, CI: 'true' },
  });
  if (result.status !== 0) {
    const output = echo ? '' : `\n${result.stdout}\n${result.stderr}`.slice(-8_000);
    throw new Error(`${path.basename(script)} ${args.join(' ')} failed (exit ${result.status})${output}`);
  }
  return (Date.now() - started) / 1000;
}

/** Hard links where the file system allows (a second or two), else a plain copy. */
function copyNodeModules(from: string, to: string): void {
  for (const flags of ['-al', '-a']) {
    if (spawnSync('cp', [flags, from, to], { stdio: 'ignore' }).status === 0) return;
    fs.rmSync(to, { recursive: true, force: true });
  }
  throw new Error(`could not copy ${from} to ${to}`);
}

export function electronVersion(root: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export async function buildLinuxDir({ root, workDir, outputDir, echo }: LinuxDirBuildOptions): Promise<LinuxDirBuild> {
  const project = path.join(workDir, 'project');
  fs.rmSync(project, { recursive: true, force: true });
  fs.mkdirSync(path.join(project, 'scripts'), { recursive: true });
  for (const input of PACKAGING_INPUTS) fs.cpSync(path.join(root, input), path.join(project, input), { recursive: true });
  copyNodeModules(path.join(root, 'node_modules'), path.join(project, 'node_modules'));

  const vite = runNode(
    path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
    ['build', '--outDir', path.join(project, 'out')],
    root,
    echo,
  );

  const version = electronVersion(root);
  const standIn = writeStandInElectron(path.join(workDir, 'stand-in-electron-dist'), version);
  const nativeRebuild = await electronHeadersAvailability(version);
  if (!nativeRebuild.available) {
    console.log(`Native modules NOT rebuilt for Electron ${version}'s ABI: its headers could not be fetched (${nativeRebuild.reason}).`);
  }

  const appDir = path.join(outputDir, 'linux-unpacked');
  // Only the previous unpacked app: installers from `npm run dist` may sit beside it.
  fs.rmSync(appDir, { recursive: true, force: true });
  const builder = runNode(
    path.join(root, 'node_modules/electron-builder/cli.js'),
    [
      '--linux',
      'dir',
      '--publish',
      'never',
      '--projectDir',
      project,
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${outputDir}`,
      ...(nativeRebuild.available ? [] : ['-c.npmRebuild=false']),
    ],
    project,
    echo,
  );

  return { appDir, resourcesDir: path.join(appDir, 'resources'), nativeRebuild, seconds: { vite, builder } };
}
