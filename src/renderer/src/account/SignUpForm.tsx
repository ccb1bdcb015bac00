import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../shared/accounts-api';
import { usernameWarnings } from '../../../shared/username-guidance';
import { desktopBridge } from '../bridge';
import { formErrorsFrom, noErrors, type FormErrors } from './form-errors';
import { TextField } from './TextField';

export function SignUpForm({ onDone }: { onDone(): void }) {
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  // Advice only, as the person types: the same rule the server applies.
  const warnings = username.trim().length >= 3 ? usernameWarnings(username) : [];

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    const result = await desktopBridge().signUp({ email, username, password });
    setBusy(false);
    if (result.ok) onDone();
    else setErrors(formErrorsFrom(result.error));
  };

  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Create account">
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.fields.email}
        hint="Use an address just for chat apps, not your work or main email."
        required
      />
      <TextField
        label="Username"
        autoComplete="username"
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={errors.fields.username}
        hint={
          warnings.length > 0 ? (
            <ul className="username-warnings" aria-live="polite">
              {warnings.map((warning) => (
                <li key={`${warning.kind}-${warning.match}`}>{warning.message}</li>
              ))}
            </ul>
          ) : (
            'Strangers see this name. Avoid your real name, birth year or where you live.'
          )
        }
        required
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.fields.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not one you use anywhere else.`}
        required
      />
      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
