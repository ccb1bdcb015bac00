/**
 * A stand-in for Electron's distribution folder, for packaging offline.
 * The real Electron binary cannot be fetched here, so electron-builder is
 * pointed (`electronDist`) at a folder whose `electron` is a placeholder
 * shell script that refuses to run. It carries Electron's fuse wire (the
 * sentinel @electron/fuses looks for, then the fuses in Electron's default
 * states), so the real afterPack hook (scripts/electron-fuses.cjs) flips
 * real bytes that can be read back. Used only to inspect the package.
 */
import fs from 'node:fs';
import path from 'node:path';

/** @electron/fuses' sentinel, written by Electron before its fuse wire. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
/** Electron's own fuse states, in FuseV1Options order ("1" on, "0" off). */
const ELECTRON_DEFAULT_FUSES = '10110001';
export const STAND_IN_NOTICE = 'STAND-IN-NOT-ELECTRON.txt';

const placeholderScript = `#!/bin/sh
echo "This is a stand-in for the Electron binary, made by scripts/package-dir.ts to inspect the package. It cannot run the app." >&2
exit 1
`;

/** Writes the stand-in folder at `dir` and returns it. */
export function writeStandInElectron(dir: string, electronVersion: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'electron'),
    Buffer.concat([
      Buffer.from(placeholderScript),
      // Binary padding keeps the wire off the script's text lines.
      Buffer.alloc(256),
      Buffer.from(FUSE_SENTINEL, 'latin1'),
      Buffer.from([FUSE_WIRE_VERSION, ELECTRON_DEFAULT_FUSES.length]),
      Buffer.from(ELECTRON_DEFAULT_FUSES, 'latin1'),
      Buffer.alloc(256),
    ]),
    { mode: 0o755 },
  );
  // Electron's folder names its version; the notice makes the stand-in obvious in the output.
  fs.writeFileSync(path.join(dir, 'version'), electronVersion);
  fs.writeFileSync(
    path.join(dir, STAND_IN_NOTICE),
    `The executable in this folder is a placeholder, not Electron ${electronVersion}.\n` +
      'It was packed only to inspect the package offline (npm run package:dir); it does not start the app.\n',
  );
  return dir;
}
