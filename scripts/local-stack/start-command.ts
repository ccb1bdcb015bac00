/**
 * What `npm start` was asked to do, and the lines it says to people.
 */
export interface StartCommand {
  /** Start the local server only (no app), and keep it running until Ctrl+C. */
  serverOnly: boolean;
}

export const START_USAGE = `Usage: npm start [-- --server-only]
  (no flag)      build the app, start the local server with its data in .cam-party/, and open the app against it
  --server-only  start the same local server without the app, print its address, and run until Ctrl+C
Environment: CAM_PARTY_DATA_DIR (the data folder), CAM_PARTY_PORT (default 8787; a free one when taken),
             CAM_PARTY_SERVER_URL (open the app against a deployed server instead; no local server)`;

export class StartUsageError extends Error {}

export function parseStartCommand(argv: readonly string[]): StartCommand {
  let serverOnly = false;
  for (const argument of argv) {
    if (argument === '--server-only') serverOnly = true;
    else if (argument === '--help' || argument === '-h') throw new StartUsageError(START_USAGE);
    else throw new StartUsageError(`Unknown option ${argument}.\n${START_USAGE}`);
  }
  return { serverOnly };
}

/** One line: what is missing, how to get it, and what works without it. */
export function missingElectronLine(missingPath: string): string {
  return (
    `Cannot open the app: the Electron binary is not installed (${missingPath} is missing); ` +
    'get it with "npx install-electron" on a machine with internet, or run "npm start -- --server-only" for the local server alone.'
  );
}

export function serverRunningLine(socketUrl: string, dataDir: string): string {
  return `Cam-Party local server running at ${socketUrl} (data in ${dataDir}). Press Ctrl+C to stop.`;
}
