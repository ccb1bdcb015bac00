import { useState, type FormEvent } from 'react';
import type { TotpEnrolResponse } from '../../../shared/accounts-api';
import type { AccountState } from '../../../shared/account-state';
import { desktopBridge } from '../bridge';
import { Dialog } from '../Dialog';
import { formErrorsFrom, noErrors, type FormErrors } from './form-errors';
import { TextField } from './TextField';

type SignedIn = Extract<AccountState, { status: 'signed-in' }>;

interface AccountPanelProps {
  state: SignedIn;
  onChanged(): void;
  onClose(): void;
}

/** Account settings: two-factor authentication, sign out, delete the account. */
export function AccountPanel({ state, onChanged, onClose }: AccountPanelProps) {
  const [enrolment, setEnrolment] = useState<TotpEnrolResponse | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [deletePassword, setDeletePassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const startTwoFactor = async (): Promise<void> => {
    const result = await desktopBridge().startTwoFactor();
    if (result.ok) setEnrolment(result.value);
    else setErrors(formErrorsFrom(result.error));
  };
  const confirmTwoFactor = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = await desktopBridge().confirmTwoFactor({ code });
    if (!result.ok) return setErrors(formErrorsFrom(result.error));
    setRecoveryCodes(result.value.recoveryCodes);
    setEnrolment(null);
    setErrors(noErrors);
    onChanged();
  };
  const deleteAccount = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = await desktopBridge().deleteAccount({ password: deletePassword });
    if (!result.ok) return setErrors(formErrorsFrom(result.error));
    onChanged();
  };
  const signOut = async (): Promise<void> => {
    await desktopBridge().signOut();
    onChanged();
  };

  return (
    <Dialog title="Your account" closeLabel="Close account settings" onClose={onClose}>
      <p>
        Signed in as <strong>{state.account.username}</strong> ({state.account.email}).
      </p>
      {state.persistence === 'memory-only' && (
        <p className="form-error" role="status">
          This computer has no secure place for your sign-in, so you will have to sign in again next time you open Cam-Party.
        </p>
      )}

      <section className="dialog__section" aria-labelledby="two-factor-title">
        <h3 id="two-factor-title">Two-factor authentication</h3>
        {recoveryCodes ? (
          <>
            <p>
              Two-factor authentication is on. Save these recovery codes somewhere safe: each works once, and you will not see them again.
            </p>
            <ul className="recovery-codes" aria-label="Recovery codes">
              {recoveryCodes.map((recovery) => (
                <li key={recovery}>
                  <code>{recovery}</code>
                </li>
              ))}
            </ul>
          </>
        ) : state.account.totpEnabled ? (
          <p>On. Signing in asks for a code from your authenticator app.</p>
        ) : enrolment ? (
          <form className="account-form" onSubmit={(event) => void confirmTwoFactor(event)}>
            <p>Scan this code with your authenticator app, or type the key by hand, then enter the 6-digit code it shows.</p>
            <img className="totp-qr" src={enrolment.qrCodeDataUrl} alt="QR code for your authenticator app" width={180} height={180} />
            <p>
              Key: <code className="totp-secret">{enrolment.secret}</code>
            </p>
            <TextField
              label="6-digit code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={errors.fields.code}
            />
            <button type="submit" className="button button--primary">
              Turn on two-factor authentication
            </button>
          </form>
        ) : (
          <>
            <p>Off. A code from your phone keeps your account yours even if your password leaks.</p>
            <button type="button" className="button button--secondary" onClick={() => void startTwoFactor()}>
              Set up two-factor authentication
            </button>
          </>
        )}
      </section>

      <section className="dialog__section">
        <button type="button" className="button button--secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </section>

      <section className="dialog__section" aria-labelledby="delete-title">
        <h3 id="delete-title">Delete account</h3>
        <form className="account-form" onSubmit={(event) => void deleteAccount(event)}>
          <p>This removes your account and its data from Cam-Party for good.</p>
          <TextField
            label="Your password"
            type="password"
            autoComplete="current-password"
            value={deletePassword}
            onChange={(event) => setDeletePassword(event.target.value)}
            error={errors.fields.password}
          />
          <button type="submit" className="button button--danger" disabled={deletePassword.length === 0}>
            Delete my account
          </button>
        </form>
      </section>
      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
    </Dialog>
  );
}
