/** Sends the page's uncaught errors to the diagnostic log in main (redacted there). */
import { desktopBridge } from './bridge';

export function reportUncaughtErrors(): void {
  const send = (event: string, detail: unknown): void => {
    const text = detail instanceof Error ? `${detail.name}: ${detail.message}` : String(detail);
    desktopBridge()
      .logEvent({ level: 'error', event, detail: text.slice(0, 500) })
      .catch(() => {});
  };
  window.addEventListener('error', (event) => send('uncaught-error', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => send('unhandled-rejection', event.reason));
}
