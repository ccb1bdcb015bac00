/**
 * Delivers named actions from the keyboard: the page's own single keys
 * (never while the person types in a field) and the menu's accelerators,
 * which main sends over the bridge.
 */
import { useEffect } from 'react';
import type { ShortcutAction } from '../../../shared/bridge-contract';
import { actionForKey } from '../../../shared/call-keys';
import { desktopBridge } from '../bridge';
import { useLatest } from '../use-latest';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useCallKeys(bindings: Record<ShortcutAction, string[]>, onAction: (action: ShortcutAction) => void): void {
  const latest = useLatest({ bindings, onAction });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      const action = actionForKey(latest.current.bindings, event.key);
      if (!action) return;
      event.preventDefault();
      latest.current.onAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = desktopBridge()?.onShortcut(({ action }) => latest.current.onAction(action));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe?.();
    };
  }, [latest]);
}
