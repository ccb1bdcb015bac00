/**
 * The folder `npm start` keeps the local server's data in (`.cam-party/`
 * beside the repository, or CAM_PARTY_DATA_DIR): the SQLite database, the
 * access-token secret and the moderator token, made on first start and kept
 * across restarts, and the address of the running server, so that
 * `npm run moderate` finds both without any variable set. The folder is
 * private to its owner (0700) and so is every file in it (0600).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const DATA_DIR_ENV = 'CAM_PARTY_DATA_DIR';
export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '..', '.cam-party');

const FILES = {
  database: 'server.sqlite',
  accessTokenSecret: 'access-token-secret',
  moderatorToken: 'moderator-token',
  serverAddress: 'server-address',
} as const;

export interface LocalDataFolder {
  dir: string;
  databasePath: string;
  accessTokenSecret: Buffer;
  moderatorToken: string;
}

export function dataFolderPath(env: NodeJS.ProcessEnv): string {
  const configured = env[DATA_DIR_ENV]?.trim();
  return configured ? path.resolve(configured) : DEFAULT_DATA_DIR;
}

/** Creates the folder and its secrets on first use; afterwards reads them back. */
export function openLocalDataFolder(dir: string): LocalDataFolder {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const databasePath = path.join(dir, FILES.database);
  // SQLite gives its -wal and -shm files the database file's mode, so they are private too.
  fs.closeSync(fs.openSync(databasePath, 'a', 0o600));
  for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  const secret = readOrCreate(path.join(dir, FILES.accessTokenSecret), () => randomBytes(32).toString('base64'));
  const moderatorToken = readOrCreate(path.join(dir, FILES.moderatorToken), () => randomBytes(32).toString('base64url'));
  return { dir, databasePath, accessTokenSecret: Buffer.from(secret, 'base64'), moderatorToken };
}

/** Where the local server listens now (its http:// address), for `npm run moderate`. */
export function writeServerAddress(dir: string, httpUrl: string): void {
  writePrivate(path.join(dir, FILES.serverAddress), `${httpUrl}\n`);
}

/** The local server's address and moderator token, each null when the folder has none. */
export function readLocalModerator(dir: string): { serverUrl: string | null; moderatorToken: string | null } {
  return {
    serverUrl: readIfPresent(path.join(dir, FILES.serverAddress)),
    moderatorToken: readIfPresent(path.join(dir, FILES.moderatorToken)),
  };
}

function readOrCreate(file: string, create: () => string): string {
  const existing = readIfPresent(file);
  if (existing) {
    fs.chmodSync(file, 0o600);
    return existing;
  }
  const value = create();
  writePrivate(file, `${value}\n`);
  return value;
}

function writePrivate(file: string, text: string): void {
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

function readIfPresent(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
