/**
 * `npm run moderate -- list|show ID|resolve ID --action ACTION`: works the
 * moderation queue over the server's moderation API with the moderator
 * token from CAM_PARTY_MODERATOR_TOKEN. Every answer is checked against the
 * shared schemas. Exit codes: 0 done, 1 the server refused or could not be
 * reached, 2 the command line is wrong.
 */
import fs from 'node:fs';
import type { z } from 'zod';
import {
  REPORT_REASON_LABELS,
  dataUrlPayloadBytes,
  moderationActionSchema,
  moderationErrorResponseSchema,
  moderationRoutes,
  resolveReportRequestSchema,
  routePath,
  type AccountStandingCheck,
} from '../src/shared/moderation-api';
import { dataFolderPath, readLocalModerator } from '../server/local-data-folder';

const USAGE = `usage: npm run moderate -- <command> [options]

  list [--limit N]                         open reports, oldest first, with the time left to answer
  show ID [--save-frame FILE.jpg]          one report's evidence (ID is a report number such as R-1042, or its id)
  resolve ID --action dismiss|warn|suspend|ban [--days N] [--note TEXT]
                                           decide a report; suspend needs --days

  --server URL    the server (default $CAM_PARTY_SERVER_URL, else the server \`npm start\` runs on this machine)
  --json          print the server's answer as JSON
The moderator token is read from CAM_PARTY_MODERATOR_TOKEN, else from the local data folder
(.cam-party/ or $CAM_PARTY_DATA_DIR) that \`npm start\` made.`;

class UsageError extends Error {}

interface CommandLine {
  command: 'list' | 'show' | 'resolve';
  reference: string | undefined;
  flags: Map<string, string | true>;
}

const FLAGS_WITH_VALUES = new Set(['--limit', '--save-frame', '--action', '--days', '--note', '--server']);
const FLAGS_WITHOUT_VALUES = new Set(['--json']);

function parseCommandLine(argv: readonly string[]): CommandLine {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') throw new UsageError(USAGE);
  if (command !== 'list' && command !== 'show' && command !== 'resolve') throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index]!;
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const [name, inline] = argument.split(/=(.*)/s, 2) as [string, string | undefined];
    if (FLAGS_WITHOUT_VALUES.has(name)) flags.set(name, true);
    else if (FLAGS_WITH_VALUES.has(name)) {
      const value = inline ?? rest[++index];
      if (value === undefined) throw new UsageError(`Option ${name} needs a value.`);
      flags.set(name, value);
    } else throw new UsageError(`Unknown option ${name}.\n\n${USAGE}`);
  }
  const wantsReference = command !== 'list';
  if (positional.length !== (wantsReference ? 1 : 0)) {
    throw new UsageError(wantsReference ? `"${command}" needs one report number or id, such as R-1042.` : `"list" takes no report.`);
  }
  return { command, reference: positional[0], flags };
}

async function callApi<Route extends { method: 'GET' | 'POST'; path: string; response: z.ZodType }>(
  server: string,
  token: string,
  route: Route,
  params: Record<string, string>,
  options: { query?: string; body?: unknown } = {},
): Promise<z.output<Route['response']>> {
  const url = `${server.replace(/\/+$/, '')}${routePath(route.path, params)}${options.query ?? ''}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method,
      headers: { Authorization: `Bearer ${token}`, ...(options.body !== undefined && { 'Content-Type': 'application/json' }) },
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new Error(`Cannot reach ${server}: ${reason}`, { cause: error });
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const refused = moderationErrorResponseSchema.safeParse(json);
    throw new Error(
      refused.success
        ? `${refused.data.error.message} (${response.status} ${refused.data.error.code})`
        : `The server answered ${response.status}.`,
    );
  }
  const parsed = route.response.safeParse(json);
  if (!parsed.success) throw new Error(`The server's answer does not match the moderation API: ${parsed.error.issues[0]?.message}`);
  return parsed.data as z.output<Route['response']>;
}

const utc = (time: number): string => `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const utcSeconds = (time: number): string => `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function duration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`;
}

function describeStanding(standing: AccountStandingCheck): string {
  if (standing.ok) return 'in good standing';
  if (standing.kind === 'banned') return 'banned';
  return standing.until === null ? 'suspended until a moderator reviews it' : `suspended until ${utc(standing.until)}`;
}

async function run(argv: readonly string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  const line = parseCommandLine(argv);
  // The variables win; otherwise the server `npm start` runs here, from its data folder.
  const local = readLocalModerator(dataFolderPath(env));
  const token = env.CAM_PARTY_MODERATOR_TOKEN?.trim() || local.moderatorToken;
  if (!token) throw new UsageError('Set CAM_PARTY_MODERATOR_TOKEN to the moderator token the server was started with.');
  const flag = (name: string): string | undefined => {
    const value = line.flags.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const server = (flag('--server') ?? env.CAM_PARTY_SERVER_URL ?? local.serverUrl ?? 'http://127.0.0.1:8787').replace(
    /^ws(s?):/,
    'http$1:',
  );
  if (!/^https?:\/\/[^\s/]+/.test(server)) throw new UsageError(`--server must be an http:// or https:// address, got "${server}".`);
  const asJson = line.flags.has('--json');

  if (line.command === 'list') {
    const limit = flag('--limit');
    if (limit !== undefined && !/^\d+$/.test(limit)) throw new UsageError('--limit must be a whole number.');
    const listed = await callApi(server, token, moderationRoutes.moderationList, {}, { query: limit ? `?limit=${limit}` : '' });
    if (asJson) return print(JSON.stringify(listed, null, 2));
    if (listed.openCount === 0) return print('No open reports.');
    print(
      `${listed.openCount} open report${listed.openCount === 1 ? '' : 's'}${listed.reports.length < listed.openCount ? ` (the oldest ${listed.reports.length})` : ''}, oldest first:`,
    );
    for (const report of listed.reports) {
      const due = report.overdue ? `OVERDUE by ${duration(report.msUntilDeadline)}` : `due in ${duration(report.msUntilDeadline)}`;
      const evidence = [`${report.chatMessages} chat`, ...(report.hasFrame ? ['frame'] : [])].join(', ');
      print(
        `${report.reportNumber.padEnd(8)} ${due.padEnd(20)} filed ${utc(report.filedAt)}  about ${report.reportedUsername ?? '(deleted)'} [${report.reportedAccountId}]  ${report.reason ? REPORT_REASON_LABELS[report.reason] : 'no reason given'}  (${evidence})`,
      );
    }
    return;
  }

  const reference = line.reference!;
  if (line.command === 'show') {
    const shown = await callApi(server, token, moderationRoutes.moderationShow, { reportRef: reference });
    const saveTo = flag('--save-frame');
    if (saveTo !== undefined) {
      if (!shown.report.frame) throw new Error(`Report ${shown.report.reportNumber} has no still frame.`);
      fs.writeFileSync(saveTo, Buffer.from(shown.report.frame.slice(shown.report.frame.indexOf(',') + 1), 'base64'));
    }
    if (asJson) return print(JSON.stringify(shown, null, 2));
    const { report, account } = shown;
    const due =
      report.msUntilDeadline < 0 ? `OVERDUE by ${duration(report.msUntilDeadline)}` : `due in ${duration(report.msUntilDeadline)}`;
    print(`${report.reportNumber} (${report.reportId}), ${report.status}${report.status === 'open' ? `, ${due}` : ''}`);
    print(
      `Filed ${utc(report.filedAt)} by ${report.reporterAccountId ?? '(deleted account)'}, shown in the call as ${report.reporterAlias}`,
    );
    print(`About ${report.reportedUsername ?? '(deleted)'} [${report.reportedAccountId}], shown in the call as ${report.reportedAlias}`);
    print(`Call ${report.pairId} started ${utc(report.callStartedAt)} (the reporter's app said ${utc(report.clientCallStartedAt)})`);
    print(
      `Reason: ${report.reason ? REPORT_REASON_LABELS[report.reason] : 'none given'}${report.details ? `\nDetails: ${report.details}` : ''}`,
    );
    print(report.chatExcerpt.length === 0 ? 'Chat: none' : `Chat (last ${report.chatExcerpt.length} messages):`);
    for (const message of report.chatExcerpt)
      print(`  ${utcSeconds(message.at)}  ${message.from === 'me' ? 'reporter' : 'reported'}: ${message.text}`);
    const frameKb = report.frame ? Math.ceil(dataUrlPayloadBytes(report.frame) / 1024) : 0;
    print(
      report.frame
        ? `Still frame: ${frameKb} KB${saveTo ? `, saved to ${saveTo}` : ' (--save-frame FILE.jpg to look at it)'}`
        : 'Still frame: none',
    );
    if (report.resolution) {
      print(
        `Resolved ${utc(report.resolution.resolvedAt)}: ${report.resolution.action}${report.resolution.days ? ` ${report.resolution.days} days` : ''}${report.resolution.note ? ` (${report.resolution.note})` : ''}`,
      );
    }
    print(
      `Account: ${account.exists ? '' : 'deleted, '}${describeStanding(account.standing)}; ${account.openReports} open of ${account.totalReports} reports`,
    );
    for (const sanction of account.sanctions) {
      print(
        `  ${utc(sanction.createdAt)}  ${sanction.kind}${sanction.until ? ` until ${utc(sanction.until)}` : ''}${sanction.liftedAt ? ` (lifted ${utc(sanction.liftedAt)})` : ''}`,
      );
    }
    return;
  }

  const action = moderationActionSchema.safeParse(flag('--action'));
  if (!action.success) throw new UsageError('resolve needs --action dismiss, warn, suspend or ban.');
  const days = flag('--days');
  const note = flag('--note');
  const request = resolveReportRequestSchema.safeParse({
    action: action.data,
    ...(days !== undefined && { days: Number(days) }),
    ...(note !== undefined && { note }),
  });
  if (!request.success) {
    const issue = request.error.issues[0];
    throw new UsageError(
      action.data === 'suspend' && days === undefined
        ? 'suspend needs --days N.'
        : `${issue?.path.join('.') || 'resolve'}: ${issue?.message}`,
    );
  }
  const resolved = await callApi(server, token, moderationRoutes.moderationResolve, { reportRef: reference }, { body: request.data });
  if (asJson) return print(JSON.stringify(resolved, null, 2));
  const what = resolved.resolution.action === 'suspend' ? `suspend for ${resolved.resolution.days} days` : resolved.resolution.action;
  print(`${resolved.reportNumber} resolved: ${what}. The account is now ${describeStanding(resolved.standing)}.`);
}

run(process.argv.slice(2), process.env, (text) => process.stdout.write(`${text}\n`)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`moderate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
