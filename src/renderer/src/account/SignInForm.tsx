import { useState, type FormEvent } from 'react';
import { ActionButton } from '../ActionButton';
import { callBridge } from '../bridge';
import { useBridgeAction } from '../use-bridge-action';
import { formErrorsFrom, noErrors } from './form-errors';
import { TextField } from './TextField';
import '../buttons.css';
import '../forms.css';

export function SignInForm({ onDone }: { onDone(): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const action = useBridgeAction();
  // Being asked for the second factor is the next step, not an error.
  const asksForCode = action.error?.code === 'second-factor-required';
  const errors = action.error && !asksForCode ? formErrorsFrom(action.error) : noErrors;

  const submit = async (): Promise<void> => {
    const secondFactor = needsCode ? { kind: useRecovery ? ('recovery' as const) : ('totp' as const), code } : undefined;
    const reply = await action.run((signal) =>
      callBridge('signIn', { email, password, ...(secondFactor && { secondFactor }) }, { signal }),
    );
    if (reply?.ok) onDone();
    else if (reply?.error.code === 'second-factor-required') setNeedsCode(true);
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void submit();
  };

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate aria-label="Sign in" aria-busy={action.busy || undefined}>
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.fields.email}
        disabled={needsCode}
        required
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.fields.password}
        disabled={needsCode}
        required
      />
      {needsCode && (
        <>
          <TextField
            label={useRecovery ? 'Recovery code' : 'Code from your authenticator app'}
            inputMode={useRecovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={errors.fields.secondFactor}
            autoFocus
            required
          />
          <button type="button" className="link-button" onClick={() => setUseRecovery((value) => !value)}>
            {useRecovery ? 'Use a code from the app instead' : 'Use a recovery code instead'}
          </button>
        </>
      )}
      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
      <ActionButton type="submit" className="button button--primary" action={action} busyLabel="Signing in…">
        Sign in
      </ActionButton>
    </form>
  );
}
