/**
 * `tsx scripts/generate-icons.ts`: writes every icon the installers need
 * into resources/, drawn by app-logo.ts. The output is committed; run this
 * again after changing the logo.
 *
 *   resources/icons/NxN.png  Linux (AppImage, deb), 16 to 1024 px
 *   resources/icon.png       1024 px, the source size electron-builder falls back to
 *   resources/icon.icns      macOS, 16 to 1024 px with Retina variants
 *   resources/icon.ico       Windows (NSIS and the .exe), 16 to 256 px
 */
import fs from 'node:fs';
import path from 'node:path';
import { drawLogo } from './app-logo';
import { encodeIcns, encodeIco, encodePng } from './icon-formats';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
const MAC_SIZES = [16, 32, 64, 128, 256, 512, 1024] as const;

/** Every icon file, by path relative to resources/. */
export function iconFiles(): Map<string, Buffer> {
  const sizes = new Set<number>([...LINUX_SIZES, ...WINDOWS_SIZES, ...MAC_SIZES]);
  const png = new Map<number, Buffer>([...sizes].map((size) => [size, encodePng(size, size, drawLogo(size))]));
  const files = new Map<string, Buffer>();
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, png.get(size)!);
  files.set('icon.png', png.get(1024)!);
  files.set('icon.icns', encodeIcns(png));
  files.set('icon.ico', encodeIco(WINDOWS_SIZES.map((size) => ({ pixels: size, png: png.get(size)! }))));
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const resources = path.resolve(import.meta.dirname, '../resources');
  for (const [name, data] of iconFiles()) {
    fs.mkdirSync(path.dirname(path.join(resources, name)), { recursive: true });
    fs.writeFileSync(path.join(resources, name), data);
    console.log(`resources/${name}  ${(data.length / 1024).toFixed(1)} KiB`);
  }
}
