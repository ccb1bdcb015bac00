/**
 * electron-builder for real, offline: the app is built into a scratch
 * project and packed with the Linux `dir` target, with `electronDist`
 * pointed at a stand-in Electron folder (the real binary cannot be fetched
 * here). The stand-in "binary" carries Electron's fuse wire (the sentinel
 * @electron/fuses looks for, with Electron's default fuse states), so the
 * afterPack hook flips real bytes that this test then reads back.
 *
 * What this proves: electron-builder.yml loads and passes electron-builder's
 * schema (every section, macOS and Windows included); the `files` patterns
 * pack out/ and package.json into app.asar and nothing else of the repo;
 * native addons are unpacked next to the archive; the binary is renamed to
 * the Linux executable name; the afterPack hook runs and sets every fuse.
 *
 * What it does not prove: that the real Electron starts from this folder;
 * the NSIS, DMG, AppImage and deb targets themselves (they need NSIS,
 * hdiutil and appimagetool downloads); code signing, notarization and the
 * entitlements' effect; asar integrity (computed for macOS and Windows
 * only); native addons rebuilt for Electron's ABI (npmRebuild is off here).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
/** How @electron/fuses stores a fuse in the wire: the ASCII digits "0" and "1". */
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) } as const;
const asar = require('@electron/asar') as { listPackage(archive: string, options: object): string[] };

const root = path.resolve(import.meta.dirname, '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-dist-'));
const project = path.join(scratch, 'project');
const standInElectron = path.join(scratch, 'electron-dist');
const output = path.join(scratch, 'release');
const appDir = path.join(output, 'linux-unpacked');

/** @electron/fuses' sentinel, then wire version 1, 8 fuses in Electron's default states. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_FUSES = '10110001';

let build: { status: number | null; log: string; seconds: number };

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000, env: { ...process.env, CI: 'true' } });
  return { status: result.status, log: `${result.stdout}\n${result.stderr}` };
}

beforeAll(() => {
  // A scratch copy of what packaging reads, so a build elsewhere in the tree cannot change out/ mid-pack.
  fs.mkdirSync(path.join(project, 'scripts'), { recursive: true });
  for (const file of ['package.json', 'electron-builder.yml', 'scripts/electron-fuses.cjs']) {
    fs.copyFileSync(path.join(root, file), path.join(project, file));
  }
  fs.cpSync(path.join(root, 'resources'), path.join(project, 'resources'), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  const vite = run(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', path.join(project, 'out')],
    root,
  );
  if (vite.status !== 0) throw new Error(`electron-vite build failed:\n${vite.log}`);

  fs.mkdirSync(standInElectron);
  fs.writeFileSync(
    path.join(standInElectron, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary"\n'),
      Buffer.alloc(256),
      Buffer.from(FUSE_SENTINEL, 'latin1'),
      Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
      Buffer.from(ELECTRON_DEFAULT_FUSES, 'latin1'),
      Buffer.alloc(256),
    ]),
    { mode: 0o755 },
  );

  const started = Date.now();
  const builder = run(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--publish',
      'never',
      '--projectDir',
      project,
      `-c.electronDist=${standInElectron}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    project,
  );
  build = { ...builder, seconds: (Date.now() - started) / 1000 };
}, 300_000);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('electron-builder, Linux dir target, stand-in Electron', () => {
  it('builds', () => {
    expect(build.status, build.log).toBe(0);
    console.log(`electron-builder --linux dir: ${build.seconds.toFixed(1)} s`);
  });

  it('renames the binary to the Linux executable name', () => {
    expect(fs.existsSync(path.join(appDir, 'cam-party'))).toBe(true);
    expect(fs.existsSync(path.join(appDir, 'electron'))).toBe(false);
  });

  it('packs the built app and its manifest into app.asar, and nothing else of the repository', () => {
    const archive = path.join(appDir, 'resources', 'app.asar');
    const files = asar.listPackage(archive, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
    for (const expected of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
      expect(files).toContain(expected);
    }
    for (const forbidden of ['/src', '/tests', '/server', '/scripts', '/resources', '/electron-builder.yml', '/security-allowlist.json']) {
      expect(
        files.some((file) => file === forbidden || file.startsWith(`${forbidden}/`)),
        forbidden,
      ).toBe(false);
    }
    expect(files.some((file) => file.endsWith('.map'))).toBe(false);
  });

  it('unpacks native addons next to the archive', () => {
    const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked');
    const addons = fs.existsSync(unpacked)
      ? fs
          .readdirSync(unpacked, { recursive: true })
          .map(String)
          .filter((file) => file.endsWith('.node'))
      : [];
    expect(addons.some((file) => file.includes('keytar'))).toBe(true);
  });

  it('flips every fuse in the packed binary, from the afterPack hook', async () => {
    // electron-builder's own `electronFuses` option is not used, so only the hook can have flipped them.
    expect(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')).not.toMatch(/^electronFuses:/m);
    const wire = await getCurrentFuseWire(path.join(appDir, 'cam-party'));
    const state = (option: number) => wire[option as keyof typeof wire];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(FuseState.DISABLE);
    // Linux has no asar integrity check in Electron; it stays off there.
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.DISABLE);
  });
});
