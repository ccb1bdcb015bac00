import { useState, type ReactNode } from 'react';
import { SHORTCUT_ACTIONS, type ShortcutAction } from '../../../shared/bridge-contract';
import { describeAction, effectiveCallKeys, rebindCallKeys, type CallKeyBindings } from '../../../shared/call-keys';
import { ShortcutCells } from '../safety/ShortcutCells';
import '../buttons.css';
import '../forms.css';
import '../dialog.css';
import '../safety/shortcut-table.css';
import './settings.css';

interface ShortcutSectionProps {
  custom: CallKeyBindings;
  onChange(bindings: CallKeyBindings): void;
  /** Shown when the new keys could not be saved. */
  saveError?: ReactNode;
}

/** Change the single-key shortcuts: press "Change", then the new key. A key taken by another action is refused. */
export function ShortcutSection({ custom, onChange, saveError }: ShortcutSectionProps) {
  const [listening, setListening] = useState<ShortcutAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const keys = effectiveCallKeys(custom);

  const capture = (action: ShortcutAction, key: string): void => {
    setListening(null);
    const result = rebindCallKeys(custom, action, [key]);
    if (!result.ok) return setError(result.reason);
    setError(null);
    onChange(result.bindings);
  };

  return (
    <section className="dialog__section" aria-labelledby="shortcut-settings-title">
      <h3 id="shortcut-settings-title">Keyboard shortcuts</h3>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUT_ACTIONS.map((action) => (
            <tr key={action}>
              <ShortcutCells action={action} keys={keys[action]} />
              <td>
                {listening === action ? (
                  <input
                    className="form-field__input key-capture"
                    aria-label={`Press the new key for ${describeAction(action)}`}
                    autoFocus
                    readOnly
                    value="Press a key…"
                    onKeyDown={(event) => {
                      event.preventDefault();
                      event.stopPropagation();
                      if (event.key === 'Tab') return setListening(null);
                      capture(action, event.key);
                    }}
                    onBlur={() => setListening(null)}
                  />
                ) : (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={`Change the key for ${describeAction(action)}`}
                    onClick={() => setListening(action)}
                  >
                    Change
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {saveError}
      <button type="button" className="link-button" onClick={() => onChange({})}>
        Restore the default keys
      </button>
    </section>
  );
}
