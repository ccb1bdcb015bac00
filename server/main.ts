/**
 * `npm run server`: the matchmaking and signaling service on its own, for
 * deployments. Flags and environment in server-config.ts; the access-token
 * secret from CAM_PARTY_ACCESS_TOKEN_SECRET (a fresh one per start
 * otherwise: sockets then sign in again), the moderator token from
 * CAM_PARTY_MODERATOR_TOKEN.
 */
import { randomBytes } from 'node:crypto';
import { parseServerConfig, ConfigError } from './server-config';
import { readModeratorToken } from './moderation/moderator-token';
import { startServerStack } from './server-stack';
import { stopOnSignals } from './stop-on-signals';

const jsonLog = (event: string, details?: Record<string, unknown>): void =>
  console.log(JSON.stringify({ time: new Date().toISOString(), event, ...details }));

async function main(): Promise<void> {
  let config;
  let moderatorToken: string | null;
  try {
    config = parseServerConfig(process.argv.slice(2), process.env, process.cwd());
    moderatorToken = readModeratorToken(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const secret = process.env.CAM_PARTY_ACCESS_TOKEN_SECRET;
  const server = await startServerStack({
    ...config,
    accessTokenSecret: secret ? Buffer.from(secret, 'base64') : randomBytes(32),
    moderatorToken,
    log: jsonLog,
  });
  console.log(`Cam-Party server listening on ${server.url} (database ${config.databasePath})`);
  stopOnSignals(() => server.close());
}

void main();
