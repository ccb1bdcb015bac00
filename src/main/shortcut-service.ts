/**
 * The shortcut registry as the bridge sees it: the list of bindings,
 * rebinding, and the system-wide switch. Nothing is registered with the
 * operating system unless the person turns system-wide shortcuts on, and
 * then only the actions marked for it (mute, camera off, panic).
 */
import type { ShortcutAction, ShortcutList } from '../shared/bridge-contract';
import { PersonFacingRefusal } from './person-facing-refusal';
import type { ShortcutRegistry } from './shortcut-registry';

/** The parts of Electron's `globalShortcut` this service uses. */
export interface GlobalShortcutBackend {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface ShortcutServiceDependencies {
  registry: ShortcutRegistry;
  /** Electron's globalShortcut; null where system-wide shortcuts cannot exist (a browser test host). */
  globalShortcuts: GlobalShortcutBackend | null;
  /** Delivers an action to the app window (the bridge's onShortcut event). */
  dispatch(action: ShortcutAction): void;
}

export interface ShortcutService {
  list(): ShortcutList;
  rebind(action: ShortcutAction, accelerator: string): ShortcutList;
  setSystemWide(enabled: boolean): ShortcutList;
  /** Unregisters everything this service registered system-wide (call on quit). */
  dispose(): void;
}

export function createShortcutService(deps: ShortcutServiceDependencies): ShortcutService {
  const { registry, globalShortcuts } = deps;
  let systemWide = false;
  /** accelerator → action, for what is registered with the OS right now. */
  const registered = new Map<string, ShortcutAction>();

  const unregisterAll = (): void => {
    for (const accelerator of registered.keys()) globalShortcuts?.unregister(accelerator);
    registered.clear();
  };
  const registerCapable = (): void => {
    if (!globalShortcuts) return;
    for (const definition of registry.list()) {
      if (!definition.systemWideCapable) continue;
      // register() is false when another app holds the keys; the list shows it as inactive.
      if (globalShortcuts.register(definition.accelerator, () => deps.dispatch(definition.action))) {
        registered.set(definition.accelerator, definition.action);
      }
    }
  };

  const list = (): ShortcutList => ({
    shortcuts: registry.list().map((definition) => ({
      action: definition.action,
      label: definition.label,
      accelerator: definition.accelerator,
      systemWideCapable: definition.systemWideCapable,
      systemWideActive: registered.get(definition.accelerator) === definition.action,
    })),
    systemWide,
    systemWideAvailable: globalShortcuts !== null,
  });

  return {
    list,
    rebind(action, accelerator) {
      registry.rebind(action, accelerator);
      if (systemWide) {
        unregisterAll();
        registerCapable();
      }
      return list();
    },
    setSystemWide(enabled) {
      if (enabled && !globalShortcuts) {
        throw new PersonFacingRefusal('shortcut-refused', 'System-wide shortcuts are not available here.');
      }
      unregisterAll();
      systemWide = enabled;
      if (enabled) registerCapable();
      return list();
    },
    dispose: unregisterAll,
  };
}
