/**
 * The server side of reports in a process of its own, for the durability
 * test: `node --import tsx report-durability-server.ts DB_PATH`, with the
 * access-token secret in CAM_PARTY_ACCESS_TOKEN_SECRET (base64). It serves
 * the accounts and safety handlers on 127.0.0.1 and prints "listening PORT".
 * The rate limits are lifted, since the test files reports as fast as it can.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccountService } from '../../../server/accounts/account-service';
import { createAccountsHttpHandler } from '../../../server/accounts/accounts-http-handler';
import { SqliteAccountRepository } from '../../../server/accounts/sqlite-account-repository';
import { openDatabase } from '../../../server/database';
import { createModeration } from '../../../server/moderation/moderation-stack';

const databasePath = process.argv[2];
const secret = process.env.CAM_PARTY_ACCESS_TOKEN_SECRET;
if (!databasePath || !secret) {
  console.error('usage: CAM_PARTY_ACCESS_TOKEN_SECRET=<base64> node --import tsx report-durability-server.ts DB_PATH');
  process.exit(2);
}

const db = openDatabase(databasePath);
const accounts = new AccountService({ repository: new SqliteAccountRepository(db), accessTokenSecret: Buffer.from(secret, 'base64') });
const unlimited = { limit: 1_000_000, windowMs: 1_000 };
const moderation = await createModeration({
  db,
  accounts,
  moderatorToken: null,
  reportLimits: { perAccountBurst: unlimited, perAccountSustained: unlimited },
});
const handleAccounts = createAccountsHttpHandler(accounts);
const server = createServer((request, response) => {
  if (handleAccounts(request, response) || moderation.handler(request, response)) return;
  response.writeHead(404);
  response.end();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
