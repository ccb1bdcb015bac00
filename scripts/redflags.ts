/**
 * `npm run redflags -- FILE.jsonl` (or `-` for standard input): runs the
 * on-device red-flag guard over one {"text": ...} per line and prints one
 * {"text": ..., "flags": [...]} per line, so anyone can check the guard on
 * their own messages. A bad line is reported on stderr with its line number
 * and skipped; the exit code is 1 if any line was bad, 2 if the file could
 * not be read.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { detectRedFlags } from '../src/shared/red-flags';

const USAGE = 'usage: npm run redflags -- FILE.jsonl   (one {"text": "..."} per line; "-" reads standard input)';

/** Other fields are allowed, so a labelled corpus can be fed in as it is. */
const inputLineSchema = z.object({ text: z.string() });

function describeProblem(line: string): { text: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const parsed = inputLineSchema.safeParse(value);
  if (!parsed.success) return 'expected an object with a string "text" field, like {"text": "hello"}';
  return parsed.data;
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (file === undefined || file === '--help' || file === '-h' || process.argv.length > 3) {
    console.error(USAGE);
    return 2;
  }
  const name = file === '-' ? 'stdin' : file;
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  let badLines = 0;
  let lineNumber = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      lineNumber++;
      if (line.trim() === '') continue;
      const entry = describeProblem(line);
      if (typeof entry === 'string') {
        badLines++;
        console.error(`${name}:${lineNumber}: ${entry}; line skipped`);
        continue;
      }
      try {
        const flags = detectRedFlags(entry.text).map((flag) => flag.category);
        process.stdout.write(`${JSON.stringify({ text: entry.text, flags })}\n`);
      } catch (error) {
        badLines++;
        console.error(`${name}:${lineNumber}: ${(error as Error).message}; line skipped`);
      }
    }
  } catch (error) {
    console.error(`redflags: cannot read ${name}: ${(error as Error).message}`);
    return 2;
  }
  if (badLines > 0) console.error(`redflags: ${badLines} bad line(s) skipped`);
  return badLines > 0 ? 1 : 0;
}

process.exitCode = await main();
