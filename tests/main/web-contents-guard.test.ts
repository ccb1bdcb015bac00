/**
 * The guard on a stand-in web contents (a real EventEmitter, as Electron's
 * WebContents is one): each navigation-like event is prevented, window.open
 * is denied, the Bluetooth chooser is cancelled, and refusals are reported
 * by scheme only.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardWebContents, type GuardRefusal } from '../../src/main/web-contents-guard';

class StandInContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

function preventable(url?: string) {
  const event = { url, prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

function guarded() {
  const contents = new StandInContents();
  const refusals: GuardRefusal[] = [];
  guardWebContents(contents, (refusal) => refusals.push(refusal));
  return { contents, refusals };
}

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)('prevents %s, to anywhere', (name) => {
    const { contents, refusals } = guarded();
    for (const url of ['https://evil.example/?token=secret', 'app://cam-party/index.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = preventable(url);
      contents.emit(name, event, url);
      expect(event.prevented, url).toBe(true);
    }
    expect(refusals.map((refusal) => refusal.scheme)).toEqual(['https:', 'app:', 'file:', 'javascript:']);
    expect(JSON.stringify(refusals)).not.toMatch(/evil|secret|passwd/);
  });

  it('prevents <webview> from attaching', () => {
    const { contents, refusals } = guarded();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example' });
    expect(event.prevented).toBe(true);
    expect(refusals).toEqual([{ event: 'will-attach-webview', scheme: 'none' }]);
  });

  it('denies every window.open and target=_blank link', () => {
    const { contents, refusals } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://cam-party/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'not a url' })).toEqual({ action: 'deny' });
    expect(refusals.map((refusal) => refusal.scheme)).toEqual(['https:', 'app:', 'invalid']);
  });

  it('cancels the Bluetooth chooser instead of letting Electron pick the first device', () => {
    const { contents } = guarded();
    const event = preventable();
    let chosen: string | undefined;
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'AA:BB', deviceName: 'Headset' }], (id: string) => void (chosen = id));
    expect(event.prevented).toBe(true);
    expect(chosen).toBe('');
  });
});
