/**
 * The whole product's server on this machine, as `npm start` runs it: the
 * server stack on 127.0.0.1 with its data, secrets and moderator token in
 * the local data folder, on port 8787 unless another program holds it.
 */
import { DEFAULT_PORT } from '../../server/server-config';
import { dataFolderPath, openLocalDataFolder, writeServerAddress, type LocalDataFolder } from '../../server/local-data-folder';
import { startServerStack, type ServerStack } from '../../server/server-stack';

export interface LocalServer {
  stack: ServerStack;
  folder: LocalDataFolder;
}

export async function startLocalServer(env: NodeJS.ProcessEnv): Promise<LocalServer> {
  const folder = openLocalDataFolder(dataFolderPath(env));
  const start = (port: number): Promise<ServerStack> =>
    startServerStack({
      host: '127.0.0.1',
      port,
      databasePath: folder.databasePath,
      accessTokenSecret: folder.accessTokenSecret,
      moderatorToken: folder.moderatorToken,
    });
  const wanted = env.CAM_PARTY_PORT ? Number(env.CAM_PARTY_PORT) : DEFAULT_PORT;
  let stack: ServerStack;
  try {
    stack = await start(wanted);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // Another program holds the port: any free one will do on this machine, and the address file says which.
    stack = await start(0);
  }
  writeServerAddress(folder.dir, stack.httpUrl);
  return { stack, folder };
}
