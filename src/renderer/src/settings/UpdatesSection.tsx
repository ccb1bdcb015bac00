import type { ReactNode } from 'react';
import '../forms.css';
import '../dialog.css';

interface UpdatesSectionProps {
  checkAutomatically: boolean;
  onChange(checkAutomatically: boolean): void;
  /** Shown when the change could not be saved. */
  saveError?: ReactNode;
}

/** Whether the app looks for new versions by itself; installing always waits for the person. */
export function UpdatesSection({ checkAutomatically, onChange, saveError }: UpdatesSectionProps) {
  return (
    <section className="dialog__section" aria-labelledby="updates-title">
      <h3 id="updates-title">Updates</h3>
      <label className="checkbox">
        <input type="checkbox" checked={checkAutomatically} onChange={(event) => onChange(event.target.checked)} />
        Check for updates automatically
      </label>
      <p className="form-field__hint">
        New versions download in the background and are checked before anything is installed. You are asked first, never during a call, and
        the update is installed when you quit.
      </p>
      {saveError}
    </section>
  );
}
