/** Sends the page's uncaught errors to the diagnostic log in main (redacted there). */
import { callBridge } from './bridge';

export function reportUncaughtErrors(): void {
  const send = (event: string, detail: unknown): void => {
    const text = detail instanceof Error ? `${detail.name}: ${detail.message}` : String(detail);
    // Nowhere else to tell if this fails too: the page carries on.
    void callBridge('logEvent', { level: 'error', event, detail: text.slice(0, 500) });
  };
  window.addEventListener('error', (event) => send('uncaught-error', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => send('unhandled-rejection', event.reason));
}
