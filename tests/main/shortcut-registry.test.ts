import { describe, expect, it } from 'vitest';
import { SHORTCUT_ACTIONS } from '../../src/shared/bridge-contract';
import { AcceleratorError } from '../../src/main/accelerator';
import { createShortcutRegistry, DEFAULT_SHORTCUTS, ShortcutConflictError } from '../../src/main/shortcut-registry';

describe('the default shortcuts', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('bind every action once, without conflicts, on %s', (platform) => {
    const registry = createShortcutRegistry(platform);
    expect(
      registry
        .list()
        .map((definition) => definition.action)
        .sort(),
    ).toEqual([...SHORTCUT_ACTIONS].sort());
  });

  it('offer system-wide use only for mute, camera off and panic', () => {
    expect(DEFAULT_SHORTCUTS.filter((definition) => definition.systemWideCapable).map((definition) => definition.action)).toEqual([
      'call.toggle-microphone',
      'call.toggle-camera',
      'safety.panic',
    ]);
  });
});

describe('rebinding', () => {
  it('changes the keys of one action and tells subscribers', () => {
    const registry = createShortcutRegistry('linux');
    let changes = 0;
    registry.subscribe(() => (changes += 1));
    registry.rebind('call.toggle-microphone', 'Alt+M');
    expect(registry.list().find((definition) => definition.action === 'call.toggle-microphone')?.accelerator).toBe('Alt+M');
    expect(changes).toBe(1);
  });

  it('refuses keys another action holds, in any spelling, and keeps the old binding', () => {
    const registry = createShortcutRegistry('win32');
    expect(() => registry.rebind('safety.block', 'ctrl+shift+m')).toThrow(ShortcutConflictError);
    expect(() => registry.rebind('safety.block', 'Control+Shift+M')).toThrow(/already the shortcut for "call.toggle-microphone"/);
    expect(registry.list().find((definition) => definition.action === 'safety.block')?.accelerator).toBe('CmdOrCtrl+Shift+B');
  });

  it('allows keys that only collide on another platform', () => {
    const registry = createShortcutRegistry('darwin');
    // On macOS, Ctrl+Shift+M is not Cmd+Shift+M.
    expect(() => registry.rebind('safety.block', 'Ctrl+Shift+M')).not.toThrow();
  });

  it('refuses invalid, typing-unsafe and reserved keys with clear errors', () => {
    const registry = createShortcutRegistry('linux');
    expect(() => registry.rebind('call.skip', 'Ctrl+Banana')).toThrow(AcceleratorError);
    expect(() => registry.rebind('call.skip', 'N')).toThrow(/while typing/);
    expect(() => registry.rebind('call.skip', 'CmdOrCtrl+C')).toThrow(/kept for editing/);
  });

  it('refuses an action that does not exist', () => {
    const registry = createShortcutRegistry('linux');
    expect(() => registry.rebind('call.explode' as never, 'Ctrl+Shift+K')).toThrow(/not a shortcut action/);
  });

  it('stops notifying after unsubscribe', () => {
    const registry = createShortcutRegistry('linux');
    let changes = 0;
    const unsubscribe = registry.subscribe(() => (changes += 1));
    unsubscribe();
    registry.rebind('call.skip', 'Alt+N');
    expect(changes).toBe(0);
  });
});

describe('a registry built from custom definitions', () => {
  it('refuses a missing action and a duplicate one', () => {
    expect(() => createShortcutRegistry('linux', DEFAULT_SHORTCUTS.slice(1))).toThrow(/No shortcut for: call.start/);
    expect(() => createShortcutRegistry('linux', [...DEFAULT_SHORTCUTS, { ...DEFAULT_SHORTCUTS[0]!, accelerator: 'F9' }])).toThrow(
      /bound twice/,
    );
  });
});
