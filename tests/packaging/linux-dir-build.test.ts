/**
 * The package people would install, built for real and looked inside:
 * `electron-builder --linux dir` offline against a stand-in Electron
 * (scripts/packaging/, the same code as `npm run package:dir`), cached by
 * content (packaged-linux-dir.ts), then the archive is listed with
 * @electron/asar.
 *
 * What this proves: electron-builder.yml passes electron-builder's schema
 * and packs the built app, the model and background files, and the
 * packages the main process loads, and nothing else (no server, tests,
 * source maps, devDependencies or modules the bundles already hold); native
 * addons sit beside the archive; the afterPack hook sets every fuse.
 *
 * What it does not prove: that the real Electron starts from this folder;
 * the NSIS, DMG, AppImage and deb targets (see .github/workflows/release.yml);
 * signing; native addons rebuilt for Electron's ABI where its headers could
 * not be fetched (the build says so).
 */
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageOf, readPackageInventory, type PackageInventory } from '../../scripts/packaging/archive-inventory';
import { STAND_IN_NOTICE } from '../../scripts/packaging/stand-in-electron';
import { EFFECTS_ASSET_DIR, EFFECTS_ASSET_FILES } from '../../src/renderer/src/effects/effects-asset-files';
import { packagedLinuxDir, type PackagedApp } from './packaged-linux-dir';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const lockfile = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean }>;
};
interface PackageManifest {
  name: string;
  version: string;
}
/** How @electron/fuses stores a fuse in the wire: the ASCII digits "0" and "1". */
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) } as const;
/** Vite inlines smaller assets into the bundle as data URLs (build.assetsInlineLimit). */
const VITE_INLINE_LIMIT_BYTES = 4096;
const SIZE_TARGET_BYTES = 60 * 1024 * 1024;
/** What Vite bundles into out/renderer or out/main, or only the server uses. */
const BUNDLED_OR_SERVER_ONLY = [
  /^react(-dom)?$/,
  /^@tensorflow(-models)?\//,
  /^nsfwjs$/,
  /^@mediapipe\//,
  /^@litertjs\//,
  /^simple-peer$/,
  /^zod$/,
  /^otpauth$/,
  /^qrcode$/,
  /^events$/,
  /^ws$/,
  /^better-sqlite3$/,
];

let app: PackagedApp;
let inventory: PackageInventory;
let paths: Set<string>;

beforeAll(async () => {
  const started = Date.now();
  app = await packagedLinuxDir();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(app.fromCache ? `linux dir package: from cache (${seconds} s)` : `linux dir package: built in ${seconds} s`);
  inventory = readPackageInventory(app.resourcesDir);
  paths = new Set(inventory.entries.map((entry) => entry.path));
}, 300_000);

/** A package's own manifest, at the root of its folder. */
const PACKAGE_MANIFEST = /(^|\/)node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/;
const readFromArchive = (entry: string) => asar.extractFile(path.join(app.resourcesDir, 'app.asar'), entry).toString('utf8');
const packagesInArchive = () => new Set(inventory.entries.map((entry) => packageOf(entry.path)).filter((name) => name !== undefined));

/** Bare package names a bundle imports or requires at run time. */
function packagesLoadedBy(entry: string): string[] {
  const code = readFromArchive(entry);
  const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g)].map(
    (match) => match[1]!,
  );
  return [
    ...new Set(
      specifiers.map((specifier) =>
        specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/'),
      ),
    ),
  ];
}

describe('the Linux app folder', () => {
  it('holds the stand-in, renamed to the Linux executable name and marked as a stand-in', () => {
    expect(fs.existsSync(path.join(app.appDir, 'cam-party'))).toBe(true);
    expect(fs.existsSync(path.join(app.appDir, 'electron'))).toBe(false);
    expect(fs.readFileSync(path.join(app.appDir, STAND_IN_NOTICE), 'utf8')).toMatch(/placeholder, not Electron/);
  });

  it('has every fuse flipped in the packed binary, by the afterPack hook', async () => {
    // electron-builder's own `electronFuses` option is not used, so only the hook can have flipped them.
    expect(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')).not.toMatch(/^electronFuses:/m);
    const wire = await getCurrentFuseWire(path.join(app.appDir, 'cam-party'));
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

  it(`keeps the app's own files under ${SIZE_TARGET_BYTES / 1024 / 1024} MB`, () => {
    expect(inventory.totalBytes).toBeLessThan(SIZE_TARGET_BYTES);
  });
});

describe('app.asar', () => {
  it('holds the manifest and the built main, preload and renderer', () => {
    for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(paths, file).toContain(file);
    }
  });

  it('holds the models and runtimes the effects load, the safety filter and its runtimes, and the backgrounds', () => {
    for (const file of EFFECTS_ASSET_FILES) expect(paths, file.to).toContain(`out/renderer/${EFFECTS_ASSET_DIR}/${file.to}`);
    const assets = [...paths].filter((file) => file.startsWith('out/renderer/assets/')).map((file) => path.basename(file));
    // The nsfwjs model is bundled into the worker; its WebAssembly backends are files beside it.
    for (const prefix of ['nsfw-classifier.worker-', 'tfjs-backend-wasm-', 'tfjs-backend-wasm-simd-']) {
      expect(
        assets.some((file) => file.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    const backgrounds = path.join(root, 'resources/backgrounds');
    for (const image of fs.readdirSync(backgrounds).filter((file) => file.endsWith('.png'))) {
      if (fs.statSync(path.join(backgrounds, image)).size <= VITE_INLINE_LIMIT_BYTES) continue;
      const stem = image.replace(/\.png$/, '');
      expect(
        assets.some((file) => new RegExp(`^${stem}-[\\w-]+\\.png$`).test(file)),
        image,
      ).toBe(true);
    }
  });

  it('holds nothing else of the repository: no server, scripts, tests, benchmarks or sources', () => {
    const own = [...paths].filter((file) => packageOf(file) === undefined);
    expect(own.filter((file) => file !== 'package.json' && !file.startsWith('out/'))).toEqual([]);
    expect([...paths].filter((file) => /(^|\/)(server|tests?|__tests__|specs?|bench(marks?)?)\//.test(file))).toEqual([]);
    expect([...paths].filter((file) => /\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(file))).toEqual([]);
  });

  it('holds no source maps', () => {
    expect([...paths].filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('holds no devDependency and no module the bundles already contain', () => {
    // electron-builder lays packages out its own way, so match them to the lockfile by name and version.
    const shipped = new Set<string>();
    for (const [lockKey, entry] of Object.entries(lockfile.packages)) {
      if (lockKey && entry.dev !== true) shipped.add(`${packageOf(lockKey)}@${entry.version}`);
    }
    const devOnly = inventory.entries
      .filter((entry) => PACKAGE_MANIFEST.test(entry.path))
      .map((entry) => {
        const { name, version } = JSON.parse(readFromArchive(entry.path)) as PackageManifest;
        return `${name}@${version}`;
      })
      .filter((id) => !shipped.has(id));
    expect(devOnly).toEqual([]);
    const packages = [...packagesInArchive()];
    expect(packages.filter((name) => BUNDLED_OR_SERVER_ONLY.some((pattern) => pattern.test(name)))).toEqual([]);
  });

  it('holds every package the main process and the preload load, each one a dependency', () => {
    const builtins = new Set(['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const loaded = ['out/main/index.js', 'out/preload/index.cjs'].flatMap(packagesLoadedBy).filter((name) => !builtins.has(name));
    expect(loaded.sort()).toEqual(Object.keys(manifest.dependencies).sort());
    for (const name of loaded) expect(paths, name).toContain(`node_modules/${name}/package.json`);
  });
});

describe('native modules', () => {
  it('keytar is present and unpacked from the archive', () => {
    const addon = inventory.entries.find((entry) => entry.path === 'node_modules/keytar/build/Release/keytar.node');
    expect(addon?.unpacked).toBe(true);
    expect(fs.existsSync(path.join(app.resourcesDir, 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'))).toBe(true);
    expect(inventory.entries.filter((entry) => entry.path.endsWith('.node') && !entry.unpacked)).toEqual([]);
  });

  it('are rebuilt for Electron where its headers can be fetched, and the build says when they cannot', () => {
    if (!app.nativeRebuild.available) console.log(`native modules not rebuilt for Electron: ${app.nativeRebuild.reason}`);
    expect(app.nativeRebuild.available ? app.nativeRebuild.from : app.nativeRebuild.reason).toMatch(/electron/i);
  });
});
