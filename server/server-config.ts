/**
 * Where the server listens and keeps its data, from command-line flags,
 * then environment variables, then safe defaults (loopback only).
 */
import path from 'node:path';
import { z } from 'zod';
import { iceServerSchema, type IceServer } from '../src/shared/wire-protocol';

export interface ServerConfig {
  host: string;
  port: number;
  databasePath: string;
  iceServers: IceServer[];
}

export const DEFAULT_PORT = 8787;

const FLAGS = {
  '--host': 'host',
  '--port': 'port',
  '--db': 'databasePath',
  '--ice-servers': 'iceServers',
} as const;

const USAGE = `Usage: npm run server -- [--host 127.0.0.1] [--port ${DEFAULT_PORT}] [--db PATH] [--ice-servers JSON]
Environment: CAM_PARTY_HOST, CAM_PARTY_PORT, CAM_PARTY_DB, CAM_PARTY_ICE_SERVERS`;

export class ConfigError extends Error {}

export function parseServerConfig(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const flags: Partial<Record<(typeof FLAGS)[keyof typeof FLAGS], string>> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const [name, inlineValue] = argument.split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === '--help' || name === '-h') throw new ConfigError(USAGE);
    if (!(name in FLAGS)) throw new ConfigError(`Unknown option ${name}.\n${USAGE}`);
    const value = inlineValue ?? argv[++index];
    if (value === undefined) throw new ConfigError(`Option ${name} needs a value.\n${USAGE}`);
    flags[FLAGS[name as keyof typeof FLAGS]] = value;
  }
  const host = flags.host ?? env.CAM_PARTY_HOST ?? '127.0.0.1';
  const portText = flags.port ?? env.CAM_PARTY_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`Port must be 0 to 65535, got "${portText}".`);
  const databasePath = path.resolve(cwd, flags.databasePath ?? env.CAM_PARTY_DB ?? '.cam-party/server.sqlite');
  const iceText = flags.iceServers ?? env.CAM_PARTY_ICE_SERVERS ?? '[]';
  let iceJson: unknown;
  try {
    iceJson = JSON.parse(iceText);
  } catch {
    throw new ConfigError('ICE servers must be a JSON array such as [{"urls":"stun:stun.example.org"}].');
  }
  const iceServers = z.array(iceServerSchema).max(8).safeParse(iceJson);
  if (!iceServers.success) throw new ConfigError(`ICE servers are not valid: ${iceServers.error.issues[0]?.message}`);
  return { host, port, databasePath, iceServers: iceServers.data };
}
