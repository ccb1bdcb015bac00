/**
 * The end-to-end pages run the app's real preload: the bundle is compiled
 * from src/preload/index.ts (esbuild's own list of inputs says so) and the
 * page shows behaviour only that file has. If a re-implementation of the
 * preload comes back in the harness, these fail.
 */
import { BRIDGE_METHOD_NAMES, bridgeChannel } from '../../src/shared/bridge-contract';
import { openTestMainServices } from '../support/main-services';
import { test, expect } from './harness/fixtures';
import { PRELOAD_SOURCE, preloadBundle } from './harness/preload-bundle';
import { installPageBridge } from './harness/real-preload';

// Not Window: the renderer types camParty exactly, and these calls break its contract on purpose.
type PageWithBridge = { camParty: Record<string, (...args: unknown[]) => unknown> };

test('every page runs the preload compiled from src/preload/index.ts, on the bridge registered as the app registers it', async ({
  world,
  browser,
}) => {
  const bundle = await preloadBundle();
  expect(PRELOAD_SOURCE).toBe('src/preload/index.ts');
  expect(bundle.inputs).toContain('src/preload/index.ts');
  expect(bundle.inputs).toContain('tests/e2e/harness/electron-stand-in/electron.ts');

  const services = await openTestMainServices(world.server.url);
  const context = await browser.newContext();
  try {
    const bridge = await installPageBridge(context, services.handlers, world.renderer.origin);
    expect(bridge.ipcMain.channels()).toEqual(BRIDGE_METHOD_NAMES.map(bridgeChannel));
    const page = await context.newPage();
    await page.goto(`${world.renderer.origin}/index.html`);

    // Words only src/preload/index.ts writes.
    const thrown = await page.evaluate(() => {
      try {
        (window as unknown as PageWithBridge).camParty.onShortcut!(42);
        return 'nothing thrown';
      } catch (error) {
        return `${(error as Error).constructor.name}: ${(error as Error).message}`;
      }
    });
    expect(thrown).toBe('TypeError: camParty.onShortcut needs a listener function, not number.');

    // As contextBridge leaves it: frozen, and the page cannot replace it.
    expect(
      await page.evaluate(() => {
        const descriptor = Object.getOwnPropertyDescriptor(window, 'camParty')!;
        return { writable: descriptor.writable, configurable: descriptor.configurable, frozen: Object.isFrozen(descriptor.value) };
      }),
    ).toEqual({ writable: false, configurable: false, frozen: true });

    // Replies are values in the page, refusals included.
    expect(await page.evaluate(() => (window as unknown as PageWithBridge).camParty.getAppInfo!())).toEqual({
      ok: true,
      value: { name: 'Cam-Party', version: '0.0.0-test', platform: 'linux' },
    });
    expect(await page.evaluate(() => (window as unknown as PageWithBridge).camParty.getAppInfo!({ evil: true }))).toMatchObject({
      ok: false,
      error: { code: 'bridge-refused' },
    });

    // Main → page events reach a subscriber as the payload alone.
    await page.evaluate(() => {
      const page = window as unknown as PageWithBridge & { received?: unknown[][] };
      page.received = [];
      page.camParty.onShortcut!((...args: unknown[]) => page.received!.push(args));
    });
    await bridge.emit('onShortcut', { action: 'help.show-shortcuts' });
    expect(await page.evaluate(() => (window as unknown as { received: unknown[][] }).received)).toEqual([
      [{ action: 'help.show-shortcuts' }],
    ]);
  } finally {
    await context.close();
    services.dispose();
  }
});

test("a frame that is not the app's page is refused by the sender check, as Electron checks senderFrame", async ({ world, browser }) => {
  const services = await openTestMainServices(world.server.url);
  const context = await browser.newContext();
  try {
    await installPageBridge(context, services.handlers, world.renderer.origin);
    const page = await context.newPage();
    await page.goto('about:blank');
    expect(await page.evaluate(() => (window as unknown as PageWithBridge).camParty.getAppInfo!())).toEqual({
      ok: false,
      error: { code: 'bridge-refused', message: "Cam-Party refused this request: it did not come from the app's own page." },
    });
  } finally {
    await context.close();
    services.dispose();
  }
});
