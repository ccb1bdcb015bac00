import { useState } from 'react';
import { callBridge } from '../bridge';
import { useBridgeAction } from '../use-bridge-action';
import { AccountForm } from './AccountForm';
import { formErrorsFrom, noErrors } from './form-errors';
import { EmailField, OneTimeCodeField, PasswordField } from './TextField';
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

  return (
    <AccountForm
      label="Sign in"
      action={action}
      onSubmit={submit}
      generalError={errors.general}
      submit={{ label: 'Sign in', busy: 'Signing in…' }}
    >
      <EmailField value={email} onValue={setEmail} error={errors.fields.email} disabled={needsCode} required />
      <PasswordField
        purpose="current"
        value={password}
        onValue={setPassword}
        error={errors.fields.password}
        disabled={needsCode}
        required
      />
      {needsCode && (
        <>
          <OneTimeCodeField
            label={useRecovery ? 'Recovery code' : 'Code from your authenticator app'}
            inputMode={useRecovery ? 'text' : 'numeric'}
            value={code}
            onValue={setCode}
            error={errors.fields.secondFactor}
            autoFocus
            required
          />
          <button type="button" className="link-button" onClick={() => setUseRecovery((value) => !value)}>
            {useRecovery ? 'Use a code from the app instead' : 'Use a recovery code instead'}
          </button>
        </>
      )}
    </AccountForm>
  );
}
