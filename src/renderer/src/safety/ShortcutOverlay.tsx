import { useEffect, useRef } from 'react';
import { SHORTCUT_ACTIONS, type ShortcutAction } from '../../../shared/bridge-contract';
import { describeAction, keyLabel } from '../../../shared/call-keys';

interface ShortcutOverlayProps {
  keys: Record<ShortcutAction, string[]>;
  onClose(): void;
}

/** Every shortcut at a glance ("?" opens it, Escape or "?" closes it). */
export function ShortcutOverlay({ keys, onClose }: ShortcutOverlayProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' || event.key === '?') {
        event.preventDefault();
        event.stopImmediatePropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onClose]);
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
        <header className="dialog__header">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" ref={closeRef} className="notice__close" aria-label="Close keyboard shortcuts" onClick={onClose}>
            ×
          </button>
        </header>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUT_ACTIONS.filter((action) => keys[action].length > 0).map((action) => (
              <tr key={action}>
                <td>{describeAction(action)}</td>
                <td>
                  {keys[action].map((key) => (
                    <kbd key={key}>{keyLabel(key)}</kbd>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="form-field__hint">Keys work whenever you are not typing in a field. Change them in Settings.</p>
      </div>
    </div>
  );
}
