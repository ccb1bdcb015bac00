import { describe, expect, it } from 'vitest';
import { AcceleratorError, assertUsableWhileTyping, parseAccelerator, reservedReason } from '../../src/main/accelerator';

describe('parseAccelerator', () => {
  it.each([
    ['CmdOrCtrl+Shift+M', 'linux', 'Control+Shift+M'],
    ['CmdOrCtrl+Shift+M', 'darwin', 'Command+Shift+M'],
    ['shift+ctrl+m', 'win32', 'Control+Shift+M'],
    ['Cmd+Option+K', 'darwin', 'Alt+Command+K'],
    ['Meta+K', 'darwin', 'Command+K'],
    ['Super+K', 'linux', 'Super+K'],
    ['Ctrl+Esc', 'linux', 'Control+Escape'],
    ['Alt+Return', 'win32', 'Alt+Enter'],
    ['CmdOrCtrl+/', 'linux', 'Control+/'],
    ['Ctrl+Plus', 'linux', 'Control+Plus'],
    ['F5', 'linux', 'F5'],
    ['Ctrl+num7', 'linux', 'Control+num7'],
  ] as const)('%s on %s is %s', (text, platform, canonical) => {
    expect(parseAccelerator(text, platform).canonical).toBe(canonical);
  });

  it('treats two spellings of the same keys as one shortcut, per platform', () => {
    expect(parseAccelerator('CmdOrCtrl+M', 'win32').canonical).toBe(parseAccelerator('Control+m', 'win32').canonical);
    expect(parseAccelerator('CmdOrCtrl+M', 'darwin').canonical).not.toBe(parseAccelerator('Ctrl+M', 'darwin').canonical);
  });

  it.each([
    ['', /not a shortcut/],
    ['Ctrl+', /not a shortcut/],
    ['Ctrl++', /not a shortcut/],
    ['Hyper+K', /"Hyper".*not a modifier/],
    ['Ctrl+Ctrl+K', /same modifier twice/],
    ['Ctrl+Control+K', /same modifier twice/],
    ['Ctrl+Banana', /"Banana".*not a key/],
    ['Ctrl+F25', /not a key/],
  ])('refuses %j with a clear error', (text, message) => {
    expect(() => parseAccelerator(text, 'linux')).toThrow(AcceleratorError);
    expect(() => parseAccelerator(text, 'linux')).toThrow(message);
  });
});

describe('assertUsableWhileTyping', () => {
  it.each(['M', 'Shift+M', 'Escape', 'Space', 'Shift+/', 'AltGr+Q'])('refuses %s: it would fire while typing', (text) => {
    expect(() => assertUsableWhileTyping(parseAccelerator(text, 'linux'), text)).toThrow(/while typing/);
  });

  it.each(['Ctrl+M', 'Alt+M', 'Super+M', 'F9', 'Shift+F2', 'MediaPlayPause', 'VolumeMute'])('accepts %s', (text) => {
    expect(() => assertUsableWhileTyping(parseAccelerator(text, 'linux'), text)).not.toThrow();
  });
});

describe('reservedReason', () => {
  it('keeps copy, paste, undo, quit and close for themselves', () => {
    for (const text of ['Ctrl+C', 'Ctrl+V', 'Ctrl+Shift+Z', 'Ctrl+Q', 'Alt+F4']) {
      expect(reservedReason(parseAccelerator(text, 'linux'), 'linux'), text).toMatch(/kept for/);
    }
    expect(reservedReason(parseAccelerator('Cmd+H', 'darwin'), 'darwin')).toMatch(/kept for/);
    expect(reservedReason(parseAccelerator('Ctrl+Shift+M', 'linux'), 'linux')).toBeNull();
  });
});
