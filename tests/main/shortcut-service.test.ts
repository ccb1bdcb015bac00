/**
 * System-wide shortcuts stay off until the person turns them on. The OS
 * registry (Electron's globalShortcut) is a recorder here that behaves as
 * Electron's does: register() is false when another app holds the keys.
 */
import { describe, expect, it } from 'vitest';
import type { ShortcutAction } from '../../src/shared/bridge-contract';
import { createShortcutRegistry } from '../../src/main/shortcut-registry';
import { createShortcutService, type GlobalShortcutBackend } from '../../src/main/shortcut-service';

class RecordingGlobalShortcuts implements GlobalShortcutBackend {
  readonly active = new Map<string, () => void>();
  constructor(private readonly heldByOtherApps: ReadonlySet<string> = new Set()) {}
  register(accelerator: string, callback: () => void): boolean {
    if (this.heldByOtherApps.has(accelerator) || this.active.has(accelerator)) return false;
    this.active.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.active.delete(accelerator);
  }
}

function service(globalShortcuts: GlobalShortcutBackend | null) {
  const dispatched: ShortcutAction[] = [];
  const registry = createShortcutRegistry('linux');
  return {
    dispatched,
    registry,
    shortcuts: createShortcutService({ registry, globalShortcuts, dispatch: (action) => dispatched.push(action) }),
  };
}

describe('createShortcutService', () => {
  it('registers nothing system-wide by default', () => {
    const backend = new RecordingGlobalShortcuts();
    const { shortcuts } = service(backend);
    const list = shortcuts.list();
    expect(list.systemWide).toBe(false);
    expect(list.systemWideAvailable).toBe(true);
    expect(list.shortcuts.every((shortcut) => !shortcut.systemWideActive)).toBe(true);
    expect(backend.active.size).toBe(0);
  });

  it('when turned on, registers only the capable actions, and their keys dispatch the action', () => {
    const backend = new RecordingGlobalShortcuts();
    const { shortcuts, dispatched } = service(backend);
    const list = shortcuts.setSystemWide(true);
    expect([...backend.active.keys()].sort()).toEqual(['CmdOrCtrl+Shift+M', 'CmdOrCtrl+Shift+O', 'CmdOrCtrl+Shift+X']);
    expect(list.shortcuts.filter((shortcut) => shortcut.systemWideActive).map((shortcut) => shortcut.action)).toEqual([
      'call.toggle-microphone',
      'call.toggle-camera',
      'safety.panic',
    ]);
    backend.active.get('CmdOrCtrl+Shift+M')!();
    expect(dispatched).toEqual(['call.toggle-microphone']);
  });

  it('shows keys another app holds as inactive', () => {
    const backend = new RecordingGlobalShortcuts(new Set(['CmdOrCtrl+Shift+O']));
    const { shortcuts } = service(backend);
    const camera = shortcuts.setSystemWide(true).shortcuts.find((shortcut) => shortcut.action === 'call.toggle-camera');
    expect(camera?.systemWideActive).toBe(false);
  });

  it('unregisters everything when turned off, and on dispose', () => {
    const backend = new RecordingGlobalShortcuts();
    const { shortcuts } = service(backend);
    shortcuts.setSystemWide(true);
    shortcuts.setSystemWide(false);
    expect(backend.active.size).toBe(0);
    shortcuts.setSystemWide(true);
    shortcuts.dispose();
    expect(backend.active.size).toBe(0);
  });

  it('moves a system-wide registration when its action is rebound', () => {
    const backend = new RecordingGlobalShortcuts();
    const { shortcuts } = service(backend);
    shortcuts.setSystemWide(true);
    shortcuts.rebind('call.toggle-microphone', 'Alt+Shift+M');
    expect(backend.active.has('CmdOrCtrl+Shift+M')).toBe(false);
    expect(backend.active.has('Alt+Shift+M')).toBe(true);
  });

  it('refuses to turn on where no system-wide registry exists', () => {
    const { shortcuts } = service(null);
    expect(shortcuts.list().systemWideAvailable).toBe(false);
    expect(() => shortcuts.setSystemWide(true)).toThrow(/not available/);
    expect(shortcuts.setSystemWide(false).systemWide).toBe(false);
  });
});
