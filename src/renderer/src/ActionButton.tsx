/**
 * The button of something the person waits for, and the reason it failed.
 * While busy its label says so, it is aria-busy and refuses a second press
 * (without losing focus, as `disabled` would), and a Cancel button beside
 * it stops the wait.
 */
import type { ButtonHTMLAttributes } from 'react';
import type { BridgeError } from '../../shared/bridge-contract';
import type { BridgeAction } from './use-bridge-action';
import './buttons.css';
import './forms.css';

interface ActionButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  action: Pick<BridgeAction, 'busy' | 'cancel'>;
  /** What the button says while it waits, e.g. "Signing in…". */
  busyLabel: string;
}

export function ActionButton({ action, busyLabel, children, disabled, onClick, ...button }: ActionButtonProps) {
  return (
    <>
      <button
        {...button}
        disabled={disabled}
        aria-busy={action.busy || undefined}
        aria-disabled={action.busy || undefined}
        onClick={(event) => {
          // Also stops the form's submit: one run at a time.
          if (action.busy) return event.preventDefault();
          onClick?.(event);
        }}
      >
        {action.busy ? busyLabel : children}
      </button>
      {action.busy && (
        <button type="button" className="link-button" onClick={action.cancel}>
          Cancel
        </button>
      )}
    </>
  );
}

/** Why the last attempt failed, announced where the person is looking. */
export function ActionError({ error }: { error: BridgeError | string | null }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {typeof error === 'string' ? error : error.message}
    </p>
  );
}
