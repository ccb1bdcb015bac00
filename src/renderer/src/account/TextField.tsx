import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import '../forms.css';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  label: string;
  value: string;
  onValue(value: string): void;
  error?: string;
  hint?: ReactNode;
}

/** A labelled input whose error and hint are announced with it. */
export function TextField({ label, error, hint, onValue, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="form-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onValue(event.target.value)}
        {...input}
      />
      {hint && (
        <div id={hintId} className="form-field__hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="form-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

type FieldProps = Omit<TextFieldProps, 'label'> & { label?: string };

export function EmailField({ label = 'Email', ...field }: FieldProps) {
  return <TextField label={label} type="email" autoComplete="email" {...field} />;
}

/** `purpose` tells password managers whether to fill the saved password or offer a new one. */
export function PasswordField({ label = 'Password', purpose, ...field }: FieldProps & { purpose: 'current' | 'new' }) {
  return <TextField label={label} type="password" autoComplete={`${purpose}-password`} {...field} />;
}

/** A code from an authenticator app (digits), or a recovery code when `inputMode` says text. */
export function OneTimeCodeField({ label, inputMode = 'numeric', ...field }: FieldProps & { label: string }) {
  return <TextField label={label} inputMode={inputMode} autoComplete="one-time-code" {...field} />;
}
