/**
 * One person of the call benchmark's reference: the plain simple-peer page
 * (plain-call-page.ts), built with esbuild and served on 127.0.0.1 under the
 * app's Content Security Policy, signed in to the same server with a real
 * account of its own (the same main-process services the app's people get,
 * for the socket access token only).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../src/main/content-security-policy';
import { socketProtocolsFor } from '../../src/shared/accounts-api';
import { serveAppFiles, type AppFileServer } from '../../tests/e2e/harness/app-file-server';
import { openTestMainServices, type TestMainServices } from '../../tests/support/main-services';
import type { MarkedClient } from '../marked-client';
import type { PlainCallApi } from './plain-call-page';

const PAGE_SOURCE = import.meta.dirname;

/** Builds the page into a temporary folder and serves it; `close` removes both. */
export async function servePlainCallPage(serverUrl: string): Promise<AppFileServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-plain-call-'));
  await build({
    entryPoints: [path.join(PAGE_SOURCE, 'plain-call-page.ts')],
    outfile: path.join(root, 'plain-call-page.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    // As the app's renderer build: simple-peer and its stream library expect Node's `global`.
    define: { global: 'globalThis' },
    minify: true,
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(PAGE_SOURCE, 'index.html'), path.join(root, 'index.html'));
  const server = await serveAppFiles(root, contentSecurityPolicy(serverUrl));
  return {
    ...server,
    close: async () => {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

let accountsCreated = 0;

export class PlainCallClient implements MarkedClient {
  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly services: TestMainServices,
  ) {}

  static async open(browser: Browser, name: string, pageOrigin: string, serverUrl: string): Promise<PlainCallClient> {
    const services = await openTestMainServices(serverUrl);
    accountsCreated += 1;
    const signedUp = await services.account.signUp({
      email: `plain-${name}-${process.pid}-${accountsCreated}@example.org`,
      username: `plain-${accountsCreated}-${name}`.slice(0, 24),
      password: 'a long test password',
    });
    if (!signedUp.ok) throw new Error(`Sign-up for ${name} failed: ${signedUp.error.message}`);
    const token = await services.account.socketAccessToken();
    if (!token.ok) throw new Error(`No socket access for ${name}: ${token.error.message}`);
    const context = await browser.newContext();
    // tsx names functions with a `__name` helper that page.evaluate would carry into the page.
    await context.addInitScript('globalThis.__name ??= (fn) => fn;');
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/index.html`);
    await page.evaluate(({ url, protocols }) => (window as unknown as { plainCall: PlainCallApi }).plainCall.connect(url, protocols), {
      url: serverUrl,
      protocols: socketProtocolsFor(token.value),
    });
    return new PlainCallClient(name, context, page, services);
  }

  private call(action: 'join' | 'next' | 'leave'): Promise<void> {
    return this.page.evaluate((name) => (window as unknown as { plainCall: PlainCallApi }).plainCall[name](), action);
  }

  start = (): Promise<void> => this.call('join');
  next = (): Promise<void> => this.call('next');
  stop = (): Promise<void> => this.call('leave');

  async phase(): Promise<string> {
    return (await this.page.locator('main').getAttribute('data-phase')) ?? 'lobby';
  }

  async waitForPhase(phase: string, timeout = 15_000): Promise<void> {
    await this.page.locator(`main[data-phase="${phase}"]`).waitFor({ timeout });
  }

  async close(): Promise<void> {
    await this.context.close();
    this.services.dispose();
  }
}
