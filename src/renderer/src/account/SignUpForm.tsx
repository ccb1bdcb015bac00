import { useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../shared/accounts-api';
import { usernameWarnings } from '../../../shared/username-guidance';
import { callBridge } from '../bridge';
import { useBridgeAction } from '../use-bridge-action';
import { AccountForm } from './AccountForm';
import { formErrorsFrom, noErrors } from './form-errors';
import { EmailField, PasswordField, TextField } from './TextField';
import '../buttons.css';
import '../forms.css';
import './account.css';

export function SignUpForm({ onDone }: { onDone(): void }) {
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useBridgeAction();
  const errors = action.error ? formErrorsFrom(action.error) : noErrors;
  // Advice only, as the person types: the same rule the server applies.
  const warnings = username.trim().length >= 3 ? usernameWarnings(username) : [];

  const submit = async (): Promise<void> => {
    const reply = await action.run((signal) => callBridge('signUp', { email, username, password }, { signal }));
    if (reply?.ok) onDone();
  };

  return (
    <AccountForm
      label="Create account"
      action={action}
      onSubmit={submit}
      generalError={errors.general}
      submit={{ label: 'Create account', busy: 'Creating account…' }}
    >
      <EmailField
        value={email}
        onValue={setEmail}
        error={errors.fields.email}
        hint="Use an address just for chat apps, not your work or main email."
        required
      />
      <TextField
        label="Username"
        autoComplete="username"
        value={username}
        onValue={setUsername}
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
      <PasswordField
        purpose="new"
        value={password}
        onValue={setPassword}
        error={errors.fields.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not one you use anywhere else.`}
        required
      />
    </AccountForm>
  );
}
