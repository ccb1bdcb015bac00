/**
 * Single-key shortcuts inside the call window (M to mute, N to skip…).
 * The menu's Ctrl/Cmd+Shift accelerators (src/main/shortcut-registry.ts)
 * trigger the same named actions; these keys are handled by the page itself
 * and never fire while the person is typing.
 */
import { z } from 'zod';
import { shortcutActionSchema, type ShortcutAction } from './shortcut-actions';

/** A key as KeyboardEvent.key reports it: one printable character, or a named key. */
export const callKeySchema = z
  .string()
  .min(1)
  .max(12)
  .regex(
    /^(?:[a-z0-9?/.,;'[\]\\=-]|Escape|F\d{1,2}|Delete|Pause)$/,
    'Use a letter, a digit, a punctuation key, Escape, Delete, Pause or F1–F12.',
  );

export const callKeyBindingsSchema = z.partialRecord(shortcutActionSchema, z.array(callKeySchema).max(3));
export type CallKeyBindings = Partial<Record<ShortcutAction, string[]>>;

export const DEFAULT_CALL_KEYS: Readonly<Record<ShortcutAction, readonly string[]>> = {
  'call.start': ['s'],
  'call.skip': ['n', 'Escape'],
  'call.stop': [],
  'call.toggle-microphone': ['m'],
  'call.toggle-camera': ['v'],
  'safety.report': ['r'],
  'safety.block': ['b'],
  'safety.panic': ['x'],
  'help.show-shortcuts': ['?'],
};

/** The bindings in force: the defaults with the person's changes on top. */
export function effectiveCallKeys(custom: CallKeyBindings = {}): Record<ShortcutAction, string[]> {
  const result = {} as Record<ShortcutAction, string[]>;
  for (const action of shortcutActionSchema.options) result[action] = [...(custom[action] ?? DEFAULT_CALL_KEYS[action])];
  return result;
}

/** Which action a key press means, if any. Letters match in either case. */
export function actionForKey(bindings: Record<ShortcutAction, string[]>, key: string): ShortcutAction | null {
  const pressed = key.length === 1 ? key.toLowerCase() : key;
  for (const action of shortcutActionSchema.options) if (bindings[action].includes(pressed)) return action;
  return null;
}

export type RebindResult = { ok: true; bindings: CallKeyBindings } | { ok: false; reason: string };

/** Gives `action` exactly `keys`; refused when a key already belongs to another action. */
export function rebindCallKeys(custom: CallKeyBindings, action: ShortcutAction, keys: string[]): RebindResult {
  const normalized = keys.map((key) => (key.length === 1 ? key.toLowerCase() : key));
  for (const key of normalized) {
    const parsed = callKeySchema.safeParse(key);
    if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'That key cannot be used.' };
  }
  const current = effectiveCallKeys(custom);
  for (const key of normalized) {
    const owner = shortcutActionSchema.options.find((other) => other !== action && current[other].includes(key));
    if (owner) return { ok: false, reason: `"${key}" is already the key for ${describeAction(owner)}.` };
  }
  return { ok: true, bindings: { ...custom, [action]: normalized } };
}

const ACTION_TEXT: Record<ShortcutAction, string> = {
  'call.start': 'Start',
  'call.skip': 'Skip to someone new',
  'call.stop': 'Stop',
  'call.toggle-microphone': 'Mute or unmute microphone',
  'call.toggle-camera': 'Turn camera off or on',
  'safety.report': 'Report',
  'safety.block': 'Block',
  'safety.panic': 'Panic: camera and microphone off, end the call, report',
  'help.show-shortcuts': 'Show keyboard shortcuts',
};

export function describeAction(action: ShortcutAction): string {
  return ACTION_TEXT[action];
}

/** How a key is written for people: "M", "Esc", "?". */
export function keyLabel(key: string): string {
  if (key === 'Escape') return 'Esc';
  return key.length === 1 ? key.toUpperCase() : key;
}
