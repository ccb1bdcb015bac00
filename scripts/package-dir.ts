/**
 * `npm run package:dir`: the unpacked Linux app, built offline against a
 * stand-in Electron (scripts/packaging/stand-in-electron.ts), into
 * release/<version>/linux-unpacked, then a summary of what its archive holds.
 * The result is for inspection: its "electron" is a placeholder that does
 * not run. `npm run dist` builds the real installers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeInventory, readPackageInventory } from './packaging/archive-inventory';
import { buildLinuxDir } from './packaging/build-linux-dir';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
// Beside the output, on the same file system, so node_modules can be copied as hard links.
const workDir = path.join(root, 'release', '.package-dir-work');

try {
  const build = await buildLinuxDir({ root, workDir, outputDir: path.join(root, 'release', version), echo: true });
  console.log(`\nbuilt in ${build.seconds.vite.toFixed(0)} s (electron-vite) + ${build.seconds.builder.toFixed(0)} s (electron-builder)`);
  console.log(`${build.appDir} (its executable is a stand-in, not Electron)`);
  console.log(describeInventory(readPackageInventory(build.resourcesDir)));
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
