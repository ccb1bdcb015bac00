/**
 * Every modal of the app, as a native <dialog> opened with showModal():
 * the browser moves focus in, keeps it in and makes the rest of the page
 * inert; Escape (the `cancel` event) and the close button call `onClose`,
 * and when it goes, focus returns to the control that opened it.
 */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useLatest } from './use-latest';
import './buttons.css';
import './dialog.css';

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

export function Dialog({ title, onClose, children, closeLabel = 'Close', closeKeys = [], wide = false }: DialogProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const latest = useLatest({ onClose, closeKeys });

  // A layout effect: opened before the first paint, and closed while still in the page, so focus can go back.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onCancel = (event: Event): void => {
      // The app decides when the dialog goes (it unmounts it); the browser only asks.
      event.preventDefault();
      latest.current.onClose();
    };
    // When the browser closes it anyway (a repeated Escape cannot be cancelled), follow it.
    const onNativeClose = (): void => latest.current.onClose();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        // The browser's cancel closes the dialog; the call's own keys (Escape skips) must not also act.
        event.stopImmediatePropagation();
      } else if (latest.current.closeKeys.includes(event.key)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        latest.current.onClose();
      }
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    window.addEventListener('keydown', onKey, { capture: true });
    if (!dialog.open) dialog.showModal();
    closeRef.current?.focus();
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [latest]);

  return (
    <dialog ref={dialogRef} className={`dialog${wide ? ' dialog--wide' : ''}`} aria-labelledby={titleId}>
      <div className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" ref={closeRef} className="notice__close" aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
