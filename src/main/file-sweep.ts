/**
 * Deletes the files in a folder that are older than the retention period
 * (all of them when the person keeps nothing), by modification time. The
 * diagnostic logs and the crash reports are swept with it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { RETENTION_MS, type ChatLogRetention } from '../shared/chat-log';

export interface FileSweepOptions {
  /** Which files are swept, by name (other files in the folder are left alone). */
  matches(name: string): boolean;
  /** Also look in subfolders (crash dumps sit in folders of the crash reporter's own). */
  recursive?: boolean;
}

/** Returns how many files were deleted; a missing folder has nothing to sweep. */
export async function sweepFilesByAge(
  directory: string,
  retention: ChatLogRetention,
  now: number,
  options: FileSweepOptions,
): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(directory, { recursive: options.recursive ?? false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let deleted = 0;
  for (const name of names.filter((entry) => options.matches(path.basename(entry)))) {
    const file = path.join(directory, name);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) continue;
    if (retention === 'off' || now - stat.mtimeMs >= RETENTION_MS[retention]) {
      await fs.rm(file, { force: true });
      deleted += 1;
    }
  }
  return deleted;
}
