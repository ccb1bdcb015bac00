/**
 * `npm run server`: the matchmaking and signaling service on its own.
 */
import { randomBytes } from 'node:crypto';
import { parseServerConfig, ConfigError } from './server-config';
import { AccountService } from './accounts/account-service';
import { SqliteAccountRepository } from './accounts/sqlite-account-repository';
import { openDatabase } from './database';
import { createModeration } from './moderation/moderation-stack';
import { readModeratorToken } from './moderation/moderator-token';
import { startSignalingServer } from './signaling-server';

async function main(): Promise<void> {
  let config;
  try {
    config = parseServerConfig(process.argv.slice(2), process.env, process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const db = openDatabase(config.databasePath);
  const log = (event: string, details?: Record<string, unknown>): void =>
    console.log(JSON.stringify({ time: new Date().toISOString(), event, ...details }));
  const accounts = new AccountService({
    repository: new SqliteAccountRepository(db),
    // One process may use a fresh secret per start (sockets then re-authenticate); several need a shared one.
    accessTokenSecret: process.env.CAM_PARTY_ACCESS_TOKEN_SECRET
      ? Buffer.from(process.env.CAM_PARTY_ACCESS_TOKEN_SECRET, 'base64')
      : randomBytes(32),
    log,
  });
  let moderatorToken: string | null;
  try {
    moderatorToken = readModeratorToken(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const moderation = await createModeration({ db, accounts, moderatorToken, log });
  if (!moderatorToken) log('moderation-api-disabled', { hint: 'set CAM_PARTY_MODERATOR_TOKEN to turn the moderation API on' });
  const purge = setInterval(
    () => {
      void accounts.purgeExpired();
      void moderation.pairHistory.purgeExpired();
    },
    60 * 60 * 1000,
  );
  purge.unref();
  const server = await startSignalingServer({
    host: config.host,
    port: config.port,
    iceServers: config.iceServers,
    accounts,
    moderation,
    log,
  });
  console.log(`Cam-Party server listening on ${server.url} (database ${config.databasePath})`);
  const shutdown = async (): Promise<void> => {
    await server.close();
    moderation.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

void main();
