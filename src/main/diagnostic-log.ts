/**
 * The app's own log (errors and events of main and renderer), written with
 * electron-log: size-rotated, swept by the retention sweeper like chat logs,
 * and redacted on the way in, so it never holds an email address, an IP
 * address, a token, or anything long enough to be a message someone typed.
 */
import path from 'node:path';
import type { ChatLogRetention } from '../shared/chat-log';
import { sweepFilesByAge } from './file-sweep';

export const DIAGNOSTIC_LOG_FILE = 'cam-party.log';
export const DIAGNOSTIC_LOG_MAX_BYTES = 1024 * 1024;
/** Longest free text kept from one value; chat messages are longer than event names need to be. */
const MAX_TEXT = 160;

const REDACTIONS: Array<[RegExp, string]> = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  [/\bv1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '[token]'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '[ip]'],
  [/\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\b/gi, '[ip]'],
  [/\b[A-Za-z0-9_-]{32,}\b/g, '[secret]'],
  [/\+?\d[\d ().-]{7,}\d/g, '[number]'],
];

export function redactForDiagnostics(value: unknown): string {
  let text: string;
  if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  for (const [pattern, replacement] of REDACTIONS) text = text.replace(pattern, replacement);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…[cut]` : text;
}

/** The parts of electron-log (main or node flavour) this module configures. */
export interface ElectronLogLike {
  transports: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-log's own signature takes its variables
    file: { resolvePathFn: (...args: any[]) => string; maxSize: number; level: string | false };
    console: { level: string | false };
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-log's message type differs per flavour
  hooks: Array<(message: any) => any>;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}

export type DiagnosticLogger = Pick<ElectronLogLike, 'info' | 'warn' | 'error'>;

export function configureDiagnosticLog(log: ElectronLogLike, directory: string, retention: () => ChatLogRetention): DiagnosticLogger {
  log.transports.file.resolvePathFn = () => path.join(directory, DIAGNOSTIC_LOG_FILE);
  // electron-log moves a full file to cam-party.old.log and starts again: at most two files.
  log.transports.file.maxSize = DIAGNOSTIC_LOG_MAX_BYTES;
  log.hooks.push((message: { data: unknown[] }) =>
    retention() === 'off' ? false : { ...message, data: message.data.map(redactForDiagnostics) },
  );
  return log;
}

/** Deletes log files older than the retention (all of them when logs are off). */
export function sweepDiagnosticLogs(directory: string, retention: ChatLogRetention, now: number): Promise<number> {
  return sweepFilesByAge(directory, retention, now, { matches: (name) => name.endsWith('.log') });
}
