import { useState, type FormEvent } from 'react';
import { desktopBridge } from '../bridge';
import { formErrorsFrom, noErrors, type FormErrors } from './form-errors';
import { TextField } from './TextField';

export function SignInForm({ onDone }: { onDone(): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    const secondFactor = needsCode ? { kind: useRecovery ? ('recovery' as const) : ('totp' as const), code } : undefined;
    const result = await desktopBridge().signIn({ email, password, ...(secondFactor && { secondFactor }) });
    setBusy(false);
    if (result.ok) {
      onDone();
      return;
    }
    if (result.error.code === 'second-factor-required') {
      setNeedsCode(true);
      setErrors(noErrors);
      return;
    }
    setErrors(formErrorsFrom(result.error));
  };

  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Sign in">
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
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
