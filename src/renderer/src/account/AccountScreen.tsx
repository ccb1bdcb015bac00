import { useState } from 'react';
import { SignInForm } from './SignInForm';
import { SignUpForm } from './SignUpForm';

/** Shown while nobody is signed in: matchmaking needs an account, so a blocked person cannot return as new. */
export function AccountScreen({ onSignedIn }: { onSignedIn(): void }) {
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-up');
  return (
    <main className="account-screen" aria-labelledby="account-title">
      <section className="account-card">
        <h1 id="account-title">{mode === 'sign-up' ? 'Create your Cam-Party account' : 'Welcome back'}</h1>
        <p className="account-card__lead">An account keeps blocks and reports meaningful. Strangers only ever see your username.</p>
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
