/**
 * `npm run server`: the matchmaking and signaling service on its own.
 */
import { parseServerConfig, ConfigError } from './server-config';
import { openDatabase } from './database';
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
  const server = await startSignalingServer({
    host: config.host,
    port: config.port,
    iceServers: config.iceServers,
    log: (event, details) => console.log(JSON.stringify({ time: new Date().toISOString(), event, ...details })),
  });
  console.log(`Cam-Party server listening on ${server.url} (database ${config.databasePath})`);
  const shutdown = async (): Promise<void> => {
    await server.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

void main();
