/**
 * The server in a process of its own, for the durability test:
 * `node --import tsx report-durability-server.ts DB_PATH`, with the
 * access-token secret in CAM_PARTY_ACCESS_TOKEN_SECRET (base64). It starts
 * the whole stack (the same composition root as `npm start`) on 127.0.0.1
 * and prints "listening PORT". The report limits are lifted, since the test
 * files reports as fast as it can.
 */
import { startTestServer } from '../../support/test-server';

const databasePath = process.argv[2];
const secret = process.env.CAM_PARTY_ACCESS_TOKEN_SECRET;
if (!databasePath || !secret) {
  console.error('usage: CAM_PARTY_ACCESS_TOKEN_SECRET=<base64> node --import tsx report-durability-server.ts DB_PATH');
  process.exit(2);
}

const unlimited = { limit: 1_000_000, windowMs: 1_000 };
const server = await startTestServer({
  databasePath,
  accessTokenSecret: Buffer.from(secret, 'base64'),
  moderatorToken: null,
  reportLimits: { perAccountBurst: unlimited, perAccountSustained: unlimited },
});
process.stdout.write(`listening ${server.port}\n`);
