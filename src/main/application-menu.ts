/**
 * The application menu, built from the shortcut registry: each action is a
 * menu item with its accelerator, so its keys work whenever the app window
 * has focus and never anywhere else. Clicking the item or pressing the
 * keys dispatches the action's name. Also the standard Edit menu, without
 * which copy and paste do not work in text fields on macOS, and Help's
 * "Open crash reports folder".
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ShortcutAction } from '../shared/bridge-contract';
import type { ShortcutDefinition } from './shortcut-registry';

export interface ApplicationMenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  shortcuts: readonly ShortcutDefinition[];
  dispatch(action: ShortcutAction): void;
  /** Reload and developer tools only in development builds. */
  developerTools: boolean;
  /** Shows the local crash reports folder (see crash-reports.ts); no Help item without it. */
  openCrashReportsFolder?(): void;
}

export const OPEN_CRASH_REPORTS_ITEM_ID = 'help.open-crash-reports';

const MENU_GROUPS: readonly { label: string; prefix: string }[] = [
  { label: 'Call', prefix: 'call.' },
  { label: 'Safety', prefix: 'safety.' },
];

export function buildApplicationMenu(options: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const item = (definition: ShortcutDefinition): MenuItemConstructorOptions => ({
    id: definition.action,
    label: definition.label,
    accelerator: definition.accelerator,
    click: () => options.dispatch(definition.action),
  });
  const inGroup = (prefix: string) => options.shortcuts.filter((definition) => definition.action.startsWith(prefix));
  const help = options.shortcuts.filter((definition) => definition.action.startsWith('help.'));

  const template: MenuItemConstructorOptions[] = [];
  if (options.platform === 'darwin') template.push({ label: options.appName, role: 'appMenu' });
  else template.push({ label: 'File', submenu: [{ role: 'quit' }] });
  template.push({ role: 'editMenu' });
  for (const group of MENU_GROUPS) template.push({ label: group.label, submenu: inGroup(group.prefix).map(item) });
  if (options.developerTools) {
    template.push({ label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  }
  template.push({ role: 'windowMenu' });
  const helpItems = help.map(item);
  if (options.openCrashReportsFolder) {
    const open = options.openCrashReportsFolder;
    helpItems.push({ type: 'separator' }, { id: OPEN_CRASH_REPORTS_ITEM_ID, label: 'Open crash reports folder', click: () => open() });
  }
  template.push({ role: 'help', submenu: helpItems });
  return template;
}
