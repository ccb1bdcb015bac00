/**
 * Electron accelerators ("CmdOrCtrl+Shift+M"): checked against Electron's
 * grammar and reduced to one canonical form per operating system, so two
 * spellings of the same keys ("Ctrl+M", "CmdOrCtrl+m" on Windows) are
 * recognised as the same shortcut and refused as a conflict.
 */
import { PersonFacingRefusal } from './person-facing-refusal';

const MODIFIER_ALIASES: Record<string, 'Command' | 'Control' | 'CommandOrControl' | 'Alt' | 'AltGr' | 'Shift' | 'Super'> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'PrintScreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
  ...Array.from({ length: 10 }, (_, digit) => `num${digit}`),
  ...Array.from({ length: 24 }, (_, index) => `F${index + 1}`),
];
const KEY_ALIASES: Record<string, string> = {
  ...Object.fromEntries(NAMED_KEYS.map((key) => [key.toLowerCase(), key])),
  return: 'Enter',
  esc: 'Escape',
};
const PUNCTUATION = new Set([...')!@#$%^&*(:;=<,_->.?/~`{][|\\}"\'']);

/** Keys that make sense on their own, without Ctrl/Cmd/Alt: they never type text. */
const STANDALONE_KEY = /^(F([1-9]|1\d|2[0-4])|Media\w+|Volume\w+)$/;

export interface ParsedAccelerator {
  /** Canonical modifiers for the platform, sorted. */
  modifiers: string[];
  key: string;
  /** One string per distinct key combination on this platform. */
  canonical: string;
}

export class AcceleratorError extends PersonFacingRefusal {
  constructor(message: string) {
    super('shortcut-refused', message);
  }
}

function canonicalModifier(alias: string, platform: NodeJS.Platform): string {
  const isMac = platform === 'darwin';
  switch (alias) {
    case 'CommandOrControl':
      return isMac ? 'Command' : 'Control';
    case 'Super':
      // Electron: Super/Meta is Cmd on macOS, the Windows key elsewhere.
      return isMac ? 'Command' : 'Super';
    case 'Command':
      return isMac ? 'Command' : 'Super';
    default:
      return alias;
  }
}

/** Parses one accelerator; throws an AcceleratorError that says what is wrong. */
export function parseAccelerator(text: string, platform: NodeJS.Platform): ParsedAccelerator {
  const parts = text.split('+').map((part) => part.trim());
  if (text.trim() === '' || parts.some((part) => part === '')) {
    throw new AcceleratorError(`"${text}" is not a shortcut: write keys joined by "+", and "Plus" for the + key.`);
  }
  const keyText = parts.pop()!;
  const modifiers = new Set<string>();
  for (const part of parts) {
    const alias = MODIFIER_ALIASES[part.toLowerCase()];
    if (!alias) throw new AcceleratorError(`"${part}" in "${text}" is not a modifier (Ctrl, Cmd, CmdOrCtrl, Alt, Shift, Super).`);
    const modifier = canonicalModifier(alias, platform);
    if (modifiers.has(modifier)) throw new AcceleratorError(`"${text}" names the same modifier twice.`);
    modifiers.add(modifier);
  }
  let key: string;
  if (/^[a-z0-9]$/i.test(keyText)) key = keyText.toUpperCase();
  else if (PUNCTUATION.has(keyText)) key = keyText;
  else if (KEY_ALIASES[keyText.toLowerCase()]) key = KEY_ALIASES[keyText.toLowerCase()]!;
  else throw new AcceleratorError(`"${keyText}" in "${text}" is not a key Electron knows.`);
  const sorted = [...modifiers].sort();
  return { modifiers: sorted, key, canonical: [...sorted, key].join('+') };
}

/**
 * A shortcut for an app-level action must not fire while the person types
 * (a chat message, a report): it needs Ctrl, Cmd, Alt or Super, unless the
 * key is one that never types text (F1–F24, media keys).
 */
export function assertUsableWhileTyping(parsed: ParsedAccelerator, text: string): void {
  const hasCommandModifier = parsed.modifiers.some((modifier) => ['Command', 'Control', 'Alt', 'Super'].includes(modifier));
  if (!hasCommandModifier && !STANDALONE_KEY.test(parsed.key)) {
    throw new AcceleratorError(`"${text}" would fire while typing: add Ctrl/Cmd or Alt, or use a function key.`);
  }
}

/** Combinations people rely on for editing, closing and quitting; never taken by an app action. */
const RESERVED = [
  'CmdOrCtrl+A',
  'CmdOrCtrl+C',
  'CmdOrCtrl+V',
  'CmdOrCtrl+X',
  'CmdOrCtrl+Z',
  'CmdOrCtrl+Shift+Z',
  'CmdOrCtrl+Y',
  'CmdOrCtrl+Q',
  'CmdOrCtrl+W',
  'Alt+F4',
  'Cmd+H',
  'Cmd+M',
  'Cmd+Alt+H',
  'Ctrl+Alt+Delete',
];

export function reservedReason(parsed: ParsedAccelerator, platform: NodeJS.Platform): string | null {
  for (const reserved of RESERVED) {
    if (parseAccelerator(reserved, platform).canonical === parsed.canonical) {
      return `${reserved} is kept for editing, closing or quitting.`;
    }
  }
  return null;
}
