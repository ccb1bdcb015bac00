/**
 * Keeps every web page of the app where it is: no navigation away (a link,
 * a redirect, a form, a stranger's URL pasted somewhere), no new windows,
 * no <webview>, no device chooser. The app is one page loaded by main;
 * nothing the page does may load anything else.
 */

export type GuardedEvent = 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview' | 'select-bluetooth-device';

export interface GuardRefusal {
  event: GuardedEvent | 'window-open';
  /** Scheme of the refused target only (e.g. "https:"), never the URL: it may carry personal data. */
  scheme: string;
}

/** The parts of Electron's WebContents the guard attaches to. */
export interface GuardedWebContents {
  // Electron's typed overloads and a plain EventEmitter both fit only an any[] listener.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (...args: any[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

function schemeOf(url: unknown): string {
  if (typeof url !== 'string') return 'none';
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]{0,31}):/.exec(url);
  return match ? `${match[1]!.toLowerCase()}:` : 'invalid';
}

interface PreventableEvent {
  preventDefault(): void;
  url?: string;
}

/**
 * Attaches the guard to one web contents. Call it from `web-contents-created`
 * so it covers every contents Electron ever creates, not just the main window.
 */
export function guardWebContents(contents: GuardedWebContents, onRefused: (refusal: GuardRefusal) => void): void {
  const refuse =
    (event: GuardedEvent) =>
    (details: PreventableEvent, url?: unknown): void => {
      details.preventDefault();
      onRefused({ event, scheme: schemeOf(details.url ?? url) });
    };
  contents.on('will-navigate', refuse('will-navigate'));
  contents.on('will-frame-navigate', refuse('will-frame-navigate'));
  contents.on('will-redirect', refuse('will-redirect'));
  contents.on('will-attach-webview', refuse('will-attach-webview'));
  // Without a handler Electron picks the first Bluetooth device it finds.
  contents.on('select-bluetooth-device', (event: PreventableEvent, _devices: unknown, callback: (deviceId: string) => void) => {
    event.preventDefault();
    callback('');
    onRefused({ event: 'select-bluetooth-device', scheme: 'none' });
  });
  contents.setWindowOpenHandler(({ url }) => {
    onRefused({ event: 'window-open', scheme: schemeOf(url) });
    return { action: 'deny' };
  });
}
