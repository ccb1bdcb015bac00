import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  /** The close button's accessible name (default: "Close"). */
  closeLabel?: string;
  /** Keys besides Escape that close it (the shortcut overlay also closes with "?"). */
  closeKeys?: readonly string[];
  wide?: boolean;
}

/** Every modal of the app: titled, focus moved in, closed by its button, Escape or its own keys. */
export function Dialog({ title, onClose, children, closeLabel = 'Close', closeKeys = [], wide = false }: DialogProps) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const keys = closeKeys.join('\n');
  useEffect(() => {
    closeRef.current?.focus();
    const closing = new Set(['Escape', ...keys.split('\n').filter(Boolean)]);
    const onKey = (event: KeyboardEvent): void => {
      if (!closing.has(event.key)) return;
      // Handled here first, so the call's own shortcuts (Escape skips) do not also fire.
      event.preventDefault();
      event.stopImmediatePropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onClose, keys]);
  return (
    <div className="dialog-backdrop">
      <div className={`dialog${wide ? ' dialog--wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <div className="dialog__header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" ref={closeRef} className="notice__close" aria-label={closeLabel} onClick={onClose}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
