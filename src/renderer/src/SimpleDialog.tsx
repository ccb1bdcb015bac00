import { useEffect, useId, useRef, type ReactNode } from 'react';

interface SimpleDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
}

/** A modal dialog: titled, focus moved in, closed by its button or Escape. */
export function SimpleDialog({ title, onClose, children }: SimpleDialogProps) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.stopImmediatePropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onClose]);
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <header className="dialog__header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" ref={closeRef} className="notice__close" aria-label={`Close ${title.toLowerCase()}`} onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
