import type { ShortcutAction } from '../../../shared/bridge-contract';
import { keyLabel } from '../../../shared/call-keys';
import { ControlIcon, type ControlIconName } from './ControlIcon';

interface SafetyPanelProps {
  inCall: boolean;
  microphoneMuted: boolean;
  cameraOff: boolean;
  keys: Record<ShortcutAction, string[]>;
  onAction(action: ShortcutAction): void;
  onCancel(): void;
  onStop(): void;
  onOpenEffects(): void;
}

interface ControlProps {
  action: ShortcutAction;
  label: string;
  keys: Record<ShortcutAction, string[]>;
  className: string;
  pressed?: boolean;
  onAction(action: ShortcutAction): void;
  icon: ControlIconName;
}

/** One control: its shortcut is part of its accessible name and its tooltip. */
function Control({ action, label, keys, className, pressed, onAction, icon }: ControlProps) {
  const key = keys[action][0];
  const name = key ? `${label} (${keyLabel(key)})` : label;
  return (
    <button
      type="button"
      className={`safety-button ${className}`}
      title={name}
      aria-pressed={pressed}
      data-action={action}
      onClick={() => onAction(action)}
    >
      <span className="safety-button__icon">
        <ControlIcon name={icon} />
      </span>
      <span className="safety-button__label">{label}</span>
      {key && (
        <>
          <kbd className="safety-button__key" aria-hidden="true">
            {keyLabel(key)}
          </kbd>
          {/* The key is part of the name screen readers announce: "Mute (M)". */}
          <span className="visually-hidden"> ({keyLabel(key)})</span>
        </>
      )}
    </button>
  );
}

/** Always on screen during a call: every safety tool one click or one key away. */
export function SafetyPanel({ inCall, microphoneMuted, cameraOff, keys, onAction, onCancel, onStop, onOpenEffects }: SafetyPanelProps) {
  const common = { keys, onAction };
  return (
    <nav className="safety-panel" aria-label="Call and safety controls">
      <div className="safety-panel__group">
        <Control {...common} action="call.toggle-microphone" label={microphoneMuted ? 'Unmute' : 'Mute'} pressed={microphoneMuted} className={microphoneMuted ? 'is-off' : ''} icon={microphoneMuted ? 'mic-off' : 'mic'} />
        <Control {...common} action="call.toggle-camera" label={cameraOff ? 'Camera on' : 'Camera off'} pressed={cameraOff} className={cameraOff ? 'is-off' : ''} icon={cameraOff ? 'camera-off' : 'camera'} />
        <button type="button" className="safety-button" title="Blur or replace your background" onClick={onOpenEffects}>
          <span className="safety-button__icon">
            <ControlIcon name="background" />
          </span>
          <span className="safety-button__label">Background</span>
        </button>
      </div>
      {inCall ? (
        <>
          <div className="safety-panel__group">
            <Control {...common} action="call.skip" label="Skip" className="safety-button--primary" icon="skip" />
            <button type="button" className="safety-button" title="Stop: end the call and go back to the lobby" onClick={onStop}>
              <span className="safety-button__icon">
                <ControlIcon name="stop" />
              </span>
              <span className="safety-button__label">Stop</span>
            </button>
          </div>
          <div className="safety-panel__group">
            <Control {...common} action="safety.report" label="Report" className="safety-button--warning" icon="flag" />
            <Control {...common} action="safety.block" label="Block" className="safety-button--warning" icon="block" />
            <Control {...common} action="safety.panic" label="Panic" className="safety-button--danger" icon="alert" />
          </div>
        </>
      ) : (
        <div className="safety-panel__group">
          <button type="button" className="safety-button" onClick={onCancel}>
            <span className="safety-button__label">Cancel</span>
          </button>
        </div>
      )}
      <Control {...common} action="help.show-shortcuts" label="Shortcuts" className="safety-button--quiet" icon="keyboard" />
    </nav>
  );
}
