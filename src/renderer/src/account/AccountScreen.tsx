import { useState } from 'react';
import { ActionError } from '../ActionButton';
import { SignInForm } from './SignInForm';
import { SignUpForm } from './SignUpForm';
import './account.css';

/** Shown while nobody is signed in: matchmaking needs an account, so a blocked person cannot return as new. */
interface AccountScreenProps {
  onSignedIn(): void;
  /** Why the saved session could not be restored, if it could not. */
  sessionError?: string | null;
}

export function AccountScreen({ onSignedIn, sessionError = null }: AccountScreenProps) {
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-up');
  return (
    <main className="account-screen" aria-labelledby="account-title">
      <section className="account-card">
        <h1 id="account-title">{mode === 'sign-up' ? 'Create your Cam-Party account' : 'Welcome back'}</h1>
        <p className="account-card__lead">An account keeps blocks and reports meaningful. Strangers only ever see your username.</p>
        <ActionError error={sessionError && `Your sign-in could not be restored. ${sessionError}`} />
        <div className="segmented" role="group" aria-label="Account">
          <button type="button" aria-pressed={mode === 'sign-up'} onClick={() => setMode('sign-up')}>
            Create account
          </button>
          <button type="button" aria-pressed={mode === 'sign-in'} onClick={() => setMode('sign-in')}>
            Sign in
          </button>
        </div>
        {mode === 'sign-up' ? <SignUpForm onDone={onSignedIn} /> : <SignInForm onDone={onSignedIn} />}
      </section>
    </main>
  );
}
