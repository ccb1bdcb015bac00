import { useState } from 'react';
import type { TotpEnrolResponse } from '../../../shared/accounts-api';
import type { AccountState } from '../../../shared/account-state';
import { ActionButton, ActionError } from '../ActionButton';
import { callBridge } from '../bridge';
import { Dialog } from '../Dialog';
import { useBridgeAction } from '../use-bridge-action';
import { AccountForm } from './AccountForm';
import { formErrorsFrom, noErrors } from './form-errors';
import { OneTimeCodeField, PasswordField } from './TextField';
import '../buttons.css';
import '../forms.css';
import '../dialog.css';
import './account.css';

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
  // One action per section, so each shows its progress and its failure where it is.
  const twoFactor = useBridgeAction();
  const signingOut = useBridgeAction();
  const deletion = useBridgeAction();
  const twoFactorErrors = twoFactor.error ? formErrorsFrom(twoFactor.error) : noErrors;
  const deletionErrors = deletion.error ? formErrorsFrom(deletion.error) : noErrors;

  const startTwoFactor = async (): Promise<void> => {
    const reply = await twoFactor.run((signal) => callBridge('startTwoFactor', undefined, { signal }));
    if (reply?.ok) setEnrolment(reply.value);
  };
  const confirmTwoFactor = async (): Promise<void> => {
    const reply = await twoFactor.run((signal) => callBridge('confirmTwoFactor', { code }, { signal }));
    if (!reply?.ok) return;
    setRecoveryCodes(reply.value.recoveryCodes);
    setEnrolment(null);
    onChanged();
  };
  const deleteAccount = async (): Promise<void> => {
    const reply = await deletion.run((signal) => callBridge('deleteAccount', { password: deletePassword }, { signal }));
    if (reply?.ok) onChanged();
  };
  const signOut = async (): Promise<void> => {
    const reply = await signingOut.run((signal) => callBridge('signOut', undefined, { signal }));
    if (reply?.ok) onChanged();
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
          <AccountForm
            action={twoFactor}
            onSubmit={confirmTwoFactor}
            generalError={twoFactorErrors.general}
            submit={{ label: 'Turn on two-factor authentication', busy: 'Turning on…' }}
          >
            <p>Scan this code with your authenticator app, or type the key by hand, then enter the 6-digit code it shows.</p>
            <img className="totp-qr" src={enrolment.qrCodeDataUrl} alt="QR code for your authenticator app" width={180} height={180} />
            <p>
              Key: <code className="totp-secret">{enrolment.secret}</code>
            </p>
            <OneTimeCodeField label="6-digit code" value={code} onValue={setCode} error={twoFactorErrors.fields.code} />
          </AccountForm>
        ) : (
          <>
            <p>Off. A code from your phone keeps your account yours even if your password leaks.</p>
            <ActionError error={twoFactorErrors.general} />
            <ActionButton
              type="button"
              className="button button--secondary"
              action={twoFactor}
              busyLabel="Setting up…"
              onClick={() => void startTwoFactor()}
            >
              Set up two-factor authentication
            </ActionButton>
          </>
        )}
      </section>

      <section className="dialog__section">
        <ActionButton
          type="button"
          className="button button--secondary"
          action={signingOut}
          busyLabel="Signing out…"
          onClick={() => void signOut()}
        >
          Sign out
        </ActionButton>
        <ActionError error={signingOut.error} />
      </section>

      <section className="dialog__section" aria-labelledby="delete-title">
        <h3 id="delete-title">Delete account</h3>
        <AccountForm
          action={deletion}
          onSubmit={deleteAccount}
          generalError={deletionErrors.general}
          submit={{
            label: 'Delete my account',
            busy: 'Deleting your account…',
            className: 'button button--danger',
            disabled: deletePassword.length === 0,
          }}
        >
          <p>This removes your account and its data from Cam-Party for good.</p>
          <PasswordField
            label="Your password"
            purpose="current"
            value={deletePassword}
            onValue={setDeletePassword}
            error={deletionErrors.fields.password}
          />
        </AccountForm>
      </section>
    </Dialog>
  );
}
