/**
 * What went wrong in a test's pages: every uncaught page error and every
 * console.error, from any page or worker of a watched context. The shared
 * fixtures fail the test on any of them that the test did not declare
 * expected, so a renderer bug cannot hide behind a passing assertion.
 */
import type { BrowserContext } from 'playwright-core';

export interface PageProblem {
  /** Which page: the person's name, or what the page is for. */
  page: string;
  kind: 'page error' | 'console.error';
  text: string;
}

/** Starts recording a context's problems into `into`; call it before the first page opens. */
export function recordPageProblems(context: BrowserContext, page: string, into: PageProblem[]): void {
  context.on('weberror', (webError) => {
    const error = webError.error();
    into.push({ page, kind: 'page error', text: error.stack ?? error.message });
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A failed load says only its status; where it came from says which resource.
    const { url } = message.location();
    if (isBrowserTabOnly(url) || isLibraryLogLine(message.text(), url)) return;
    into.push({ page, kind: 'console.error', text: url ? `${message.text()} (${url})` : message.text() });
  });
}

/** A browser tab asks for /favicon.ico by itself (Electron's window does not): its 404 is not the app's. */
function isBrowserTabOnly(url: string): boolean {
  return URL.canParse(url) && new URL(url).pathname === '/favicon.ico';
}

/** LiteRT's wasm prints its INFO and WARNING log lines to stderr, which Emscripten sends to console.error. */
function isLibraryLogLine(text: string, url: string): boolean {
  return url.includes('/litert/') && /^(INFO|WARNING): /.test(text);
}

/** One test's page problems: recorded from its pages, some declared expected, the rest reported. */
export class PageProblemLog {
  private readonly recorded: PageProblem[] = [];
  private readonly expected: RegExp[] = [];

  /** Records `context` (see recordPageProblems). */
  watch(context: BrowserContext, page: string): void {
    recordPageProblems(context, page, this.recorded);
  }

  /** Adds problems recorded elsewhere (e.g. by a CallClient from its first page on). */
  include(problems: readonly PageProblem[]): void {
    this.recorded.push(...problems);
  }

  /** Declares problems whose text matches `pattern` part of what the test is about. */
  expect(pattern: RegExp): void {
    this.expected.push(pattern);
  }

  unexpected(): PageProblem[] {
    return this.recorded.filter((problem) => !this.expected.some((pattern) => pattern.test(problem.text)));
  }
}

/** A readable failure message, one problem per line. */
export function describePageProblems(problems: readonly PageProblem[]): string {
  const lines = problems.map((problem) => `  [${problem.page}] ${problem.kind}: ${problem.text.split('\n').join('\n    ')}`);
  return `The pages had ${problems.length} unexpected error(s); declare one with expectPageErrors(/…/) if the test causes it:\n${lines.join('\n')}`;
}
