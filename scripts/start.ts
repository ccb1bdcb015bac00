/**
 * `npm start`: the whole product on this machine. Starts the local server
 * (accounts with 2FA, calls, reports, blocks, moderation; data in .cam-party/),
 * builds the app and opens it against that server. `--server-only` starts
 * the server alone and runs until Ctrl+C. With CAM_PARTY_SERVER_URL set, the
 * app opens against that server instead and no local one starts.
 */
import { stopOnSignals } from '../server/stop-on-signals';
import { findElectronBinary } from './local-stack/electron-binary';
import { buildApp, launchApp } from './local-stack/launch-app';
import { startLocalServer } from './local-stack/local-server';
import { missingElectronLine, parseStartCommand, serverRunningLine, StartUsageError } from './local-stack/start-command';

async function main(): Promise<number | null> {
  const command = parseStartCommand(process.argv.slice(2));
  if (command.serverOnly) {
    const { stack, folder } = await startLocalServer(process.env);
    console.log(serverRunningLine(stack.url, folder.dir));
    stopOnSignals(() => stack.close());
    return null;
  }
  // Checked before building, so a machine without Electron hears so at once.
  const electron = findElectronBinary();
  if (!electron.available) {
    console.error(missingElectronLine(electron.missing));
    return 1;
  }
  const built = buildApp();
  if (built !== 0) return built;
  const deployed = process.env.CAM_PARTY_SERVER_URL;
  if (deployed) return launchApp(electron.path, deployed);
  const { stack, folder } = await startLocalServer(process.env);
  console.log(serverRunningLine(stack.url, folder.dir));
  const code = await launchApp(electron.path, stack.url);
  await stack.close();
  return code;
}

main().then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error: unknown) => {
    console.error(
      error instanceof StartUsageError ? error.message : `npm start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(error instanceof StartUsageError ? 2 : 1);
  },
);
