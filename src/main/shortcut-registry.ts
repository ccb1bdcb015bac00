/**
 * Which keys trigger which named action. Features (mute, skip, report)
 * listen for action names on the bridge; only this registry knows keys.
 * Every binding is checked: a valid accelerator, usable while typing, not
 * reserved, and not already taken by another action.
 */
import { SHORTCUT_ACTIONS, type ShortcutAction } from '../shared/bridge-contract';
import { createListeners } from '../shared/listeners';
import { assertUsableWhileTyping, parseAccelerator, reservedReason } from './accelerator';
import { PersonFacingRefusal } from './person-facing-refusal';

export interface ShortcutDefinition {
  action: ShortcutAction;
  label: string;
  accelerator: string;
  /** Worth having system-wide (mute from another window), when the person turns that on. */
  systemWideCapable: boolean;
}

/** Video-call conventions (Ctrl/Cmd+Shift+letter), so no default fires while typing in the chat. */
export const DEFAULT_SHORTCUTS: readonly ShortcutDefinition[] = [
  { action: 'call.start', label: 'Start', accelerator: 'CmdOrCtrl+Shift+S', systemWideCapable: false },
  { action: 'call.skip', label: 'Skip to someone new', accelerator: 'CmdOrCtrl+Shift+N', systemWideCapable: false },
  { action: 'call.stop', label: 'Stop', accelerator: 'CmdOrCtrl+Shift+E', systemWideCapable: false },
  { action: 'call.toggle-microphone', label: 'Mute or unmute microphone', accelerator: 'CmdOrCtrl+Shift+M', systemWideCapable: true },
  { action: 'call.toggle-camera', label: 'Turn camera off or on', accelerator: 'CmdOrCtrl+Shift+O', systemWideCapable: true },
  { action: 'safety.report', label: 'Report this person', accelerator: 'CmdOrCtrl+Shift+R', systemWideCapable: false },
  { action: 'safety.block', label: 'Block this person', accelerator: 'CmdOrCtrl+Shift+B', systemWideCapable: false },
  {
    action: 'safety.panic',
    label: 'Panic: camera and microphone off, end call, report',
    accelerator: 'CmdOrCtrl+Shift+X',
    systemWideCapable: true,
  },
  { action: 'help.show-shortcuts', label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/', systemWideCapable: false },
];

export class ShortcutConflictError extends PersonFacingRefusal {
  constructor(message: string) {
    super('shortcut-refused', message);
  }
}

export interface ShortcutRegistry {
  list(): readonly ShortcutDefinition[];
  /** Binds `action` to new keys; throws when they are invalid or taken. */
  rebind(action: ShortcutAction, accelerator: string): void;
  /** Called after every change, e.g. to rebuild the menu. */
  subscribe(listener: () => void): () => void;
}

function checkBindings(definitions: readonly ShortcutDefinition[], platform: NodeJS.Platform): void {
  const byKeys = new Map<string, ShortcutAction>();
  const actions = new Set<ShortcutAction>();
  for (const definition of definitions) {
    if (actions.has(definition.action)) throw new ShortcutConflictError(`"${definition.action}" is bound twice.`);
    actions.add(definition.action);
    const parsed = parseAccelerator(definition.accelerator, platform);
    assertUsableWhileTyping(parsed, definition.accelerator);
    const reserved = reservedReason(parsed, platform);
    if (reserved) throw new ShortcutConflictError(`"${definition.action}" cannot use ${definition.accelerator}: ${reserved}`);
    const holder = byKeys.get(parsed.canonical);
    if (holder) {
      throw new ShortcutConflictError(
        `${definition.accelerator} is already the shortcut for "${holder}"; pick other keys for "${definition.action}".`,
      );
    }
    byKeys.set(parsed.canonical, definition.action);
  }
  const missing = SHORTCUT_ACTIONS.filter((action) => !actions.has(action));
  if (missing.length > 0) throw new ShortcutConflictError(`No shortcut for: ${missing.join(', ')}.`);
}

export function createShortcutRegistry(
  platform: NodeJS.Platform,
  definitions: readonly ShortcutDefinition[] = DEFAULT_SHORTCUTS,
): ShortcutRegistry {
  checkBindings(definitions, platform);
  let current = definitions.map((definition) => ({ ...definition }));
  const listeners = createListeners<[]>();
  return {
    list: () => current,
    rebind(action, accelerator) {
      if (!SHORTCUT_ACTIONS.includes(action)) throw new ShortcutConflictError(`"${String(action)}" is not a shortcut action.`);
      // Check the new keys against the others first, so the error names the action that holds them.
      const parsed = parseAccelerator(accelerator, platform);
      const holder = current.find(
        (definition) => definition.action !== action && parseAccelerator(definition.accelerator, platform).canonical === parsed.canonical,
      );
      if (holder) {
        throw new ShortcutConflictError(`${accelerator} is already the shortcut for "${holder.action}"; pick other keys for "${action}".`);
      }
      const next = current.map((definition) => (definition.action === action ? { ...definition, accelerator } : definition));
      checkBindings(next, platform);
      current = next;
      listeners.notify();
    },
    subscribe(listener) {
      return listeners.add(listener);
    },
  };
}
