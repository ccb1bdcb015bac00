import type { FormEvent, ReactNode } from 'react';
import { ActionButton, ActionError } from '../ActionButton';
import type { BridgeAction } from '../use-bridge-action';
import '../buttons.css';
import '../forms.css';

interface AccountFormProps {
  /** The form's accessible name, when the screen has several. */
  label?: string;
  action: BridgeAction;
  onSubmit(): Promise<void>;
  /** The failure that belongs to no field, shown above the button. */
  generalError: string | null;
  submit: SubmitButton;
  children: ReactNode;
}

interface SubmitButton {
  label: string;
  /** What it says while it waits, e.g. "Signing in…". */
  busy: string;
  /** Primary unless said otherwise. */
  className?: string;
  disabled?: boolean;
}

/**
 * A form that runs one bridge action: its fields, the reason it failed, and
 * a submit button that shows progress and can be cancelled. Fields check
 * themselves against the server's answer, not the browser's validation.
 */
export function AccountForm({ label, action, onSubmit, generalError, submit, children }: AccountFormProps) {
  const submitted = (event: FormEvent): void => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <form className="account-form" onSubmit={submitted} noValidate aria-label={label} aria-busy={action.busy || undefined}>
      {children}
      <ActionError error={generalError} />
      <ActionButton
        type="submit"
        className={submit.className ?? 'button button--primary'}
        disabled={submit.disabled}
        action={action}
        busyLabel={submit.busy}
      >
        {submit.label}
      </ActionButton>
    </form>
  );
}
