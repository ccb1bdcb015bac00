/**
 * What a packed app holds: every file of `resources/app.asar` (read from the
 * archive's own header with @electron/asar), whether it is packed or
 * unpacked into `app.asar.unpacked`, and its size. Used by
 * `npm run package:dir` to print the summary and by the inspection test.
 */
import fs from 'node:fs';
import path from 'node:path';
import asar from '@electron/asar';

export interface ArchiveEntry {
  /** Path inside the archive, e.g. `out/main/index.js`. */
  path: string;
  size: number;
  /** Stored beside the archive in app.asar.unpacked (native addons). */
  unpacked: boolean;
}

export interface PackageInventory {
  archive: string;
  /** Bytes of app.asar plus app.asar.unpacked: the app's own files, without Electron. */
  totalBytes: number;
  entries: ArchiveEntry[];
}

type HeaderNode = { files?: Record<string, HeaderNode>; size?: number; unpacked?: boolean; link?: string };

function collect(node: HeaderNode, prefix: string, into: ArchiveEntry[]): void {
  for (const [name, child] of Object.entries(node.files ?? {})) {
    const entryPath = prefix ? `${prefix}/${name}` : name;
    if (child.files) collect(child, entryPath, into);
    else if (child.link === undefined) into.push({ path: entryPath, size: child.size ?? 0, unpacked: child.unpacked === true });
  }
}

/** Reads the archive of a packed app; `resourcesDir` is the folder that holds app.asar. */
export function readPackageInventory(resourcesDir: string): PackageInventory {
  const archive = path.join(resourcesDir, 'app.asar');
  const entries: ArchiveEntry[] = [];
  collect(asar.getRawHeader(archive).header as HeaderNode, '', entries);
  const packedBytes = fs.statSync(archive).size;
  const unpackedBytes = entries.filter((entry) => entry.unpacked).reduce((sum, entry) => sum + entry.size, 0);
  return { archive, totalBytes: packedBytes + unpackedBytes, entries };
}

/** The npm package a path belongs to (the innermost node_modules), or undefined for the app's own files. */
export function packageOf(entryPath: string): string | undefined {
  const parts = entryPath.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1 || at + 1 >= parts.length) return undefined;
  const name = parts[at + 1]!;
  return name.startsWith('@') ? `${name}/${parts[at + 2]}` : name;
}

/** Bytes per package, largest first. */
export function packageSizes(entries: ArchiveEntry[]): [string, number][] {
  const sizes = new Map<string, number>();
  for (const entry of entries) {
    const name = packageOf(entry.path);
    if (name) sizes.set(name, (sizes.get(name) ?? 0) + entry.size);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

export function largestEntries(entries: ArchiveEntry[], count: number): ArchiveEntry[] {
  return [...entries].sort((a, b) => b.size - a.size).slice(0, count);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function describeInventory(inventory: PackageInventory): string {
  const packages = packageSizes(inventory.entries);
  const unpacked = inventory.entries.filter((entry) => entry.unpacked);
  return [
    `${inventory.archive}: ${megabytes(inventory.totalBytes)} (${inventory.entries.length} files, ${unpacked.length} unpacked, ${packages.length} packages)`,
    'ten largest entries:',
    ...largestEntries(inventory.entries, 10).map((entry) => `  ${megabytes(entry.size).padStart(8)}  ${entry.path}`),
    'largest packages:',
    ...packages.slice(0, 10).map(([name, bytes]) => `  ${megabytes(bytes).padStart(8)}  ${name}`),
  ].join('\n');
}
