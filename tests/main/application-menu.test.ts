import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { ShortcutAction } from '../../src/shared/bridge-contract';
import { buildApplicationMenu, OPEN_CRASH_REPORTS_ITEM_ID } from '../../src/main/application-menu';
import { createShortcutRegistry } from '../../src/main/shortcut-registry';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function menu(platform: NodeJS.Platform, developerTools = false) {
  const dispatched: ShortcutAction[] = [];
  const registry = createShortcutRegistry(platform);
  const template = buildApplicationMenu({
    platform,
    appName: 'Cam-Party',
    shortcuts: registry.list(),
    dispatch: (action) => dispatched.push(action),
    developerTools,
  });
  return { template, items: flatten(template), dispatched, registry };
}

describe('buildApplicationMenu', () => {
  it('has one item per shortcut action, with its accelerator, that dispatches the action name', () => {
    const { items, dispatched, registry } = menu('linux');
    for (const definition of registry.list()) {
      const item = items.find((candidate) => candidate.id === definition.action);
      expect(item?.accelerator, definition.action).toBe(definition.accelerator);
      (item!.click as () => void)();
    }
    expect(dispatched).toEqual(registry.list().map((definition) => definition.action));
  });

  it('groups actions under Call, Safety and Help', () => {
    const { template } = menu('linux');
    const labels = (label: string) =>
      (template.find((item) => item.label === label || item.role === label)?.submenu as MenuItemConstructorOptions[]).map(
        (item) => item.id,
      );
    expect(labels('Call')).toEqual(['call.start', 'call.skip', 'call.stop', 'call.toggle-microphone', 'call.toggle-camera']);
    expect(labels('Safety')).toEqual(['safety.report', 'safety.block', 'safety.panic']);
    expect(labels('help')).toEqual(['help.show-shortcuts']);
  });

  it('keeps the Edit menu (copy and paste in text fields) and the macOS app menu', () => {
    expect(menu('darwin').template[0]).toMatchObject({ role: 'appMenu' });
    expect(menu('linux').template.some((item) => item.role === 'editMenu')).toBe(true);
  });

  it('offers reload and developer tools only in development builds', () => {
    const roles = (developerTools: boolean) => menu('linux', developerTools).items.map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('offers "Open crash reports folder" under Help when given a way to open it', () => {
    let opened = 0;
    const template = buildApplicationMenu({
      platform: 'linux',
      appName: 'Cam-Party',
      shortcuts: createShortcutRegistry('linux').list(),
      dispatch: () => {},
      developerTools: false,
      openCrashReportsFolder: () => (opened += 1),
    });
    const help = template.find((item) => item.role === 'help')?.submenu as MenuItemConstructorOptions[];
    const item = help.find((candidate) => candidate.id === OPEN_CRASH_REPORTS_ITEM_ID);
    expect(item?.label).toBe('Open crash reports folder');
    (item!.click as () => void)();
    expect(opened).toBe(1);
  });
});
