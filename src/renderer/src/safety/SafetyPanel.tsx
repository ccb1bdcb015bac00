import type { ShortcutAction } from '../../../shared/bridge-contract';
import { keyLabel } from '../../../shared/call-keys';
import { ControlIcon, type ControlIconName } from './ControlIcon';
import './safety.css';

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

interface PanelButtonProps {
  label: string;
  title: string;
  icon: ControlIconName;
  onClick(): void;
  className?: string;
  pressed?: boolean;
  /** The first key of its shortcut, shown on the button and read with its name: "Mute (M)". */
  shortcutKey?: string;
}

function PanelButton({ label, title, icon, onClick, className = '', pressed, shortcutKey }: PanelButtonProps) {
  return (
    <button type="button" className={`safety-button ${className}`} title={title} aria-pressed={pressed} onClick={onClick}>
      <span className="safety-button__icon">
        <ControlIcon name={icon} />
      </span>
      <span className="safety-button__label">{label}</span>
      {shortcutKey && (
        <>
          <kbd className="safety-button__key" aria-hidden="true">
            {keyLabel(shortcutKey)}
          </kbd>
          <span className="visually-hidden"> ({keyLabel(shortcutKey)})</span>
        </>
      )}
    </button>
  );
}

/** A control for a named action: its shortcut is part of its accessible name and its tooltip. */
function Control({ action, label, keys, className, pressed, onAction, icon }: ControlProps) {
  const key = keys[action][0];
  return (
    <PanelButton
      label={label}
      title={key ? `${label} (${keyLabel(key)})` : label}
      icon={icon}
      className={className}
      pressed={pressed}
      shortcutKey={key}
      onClick={() => onAction(action)}
    />
  );
}

/** The device toggles: what each says and shows while its device is on, and while it is off. */
const DEVICE_TOGGLES = {
  'call.toggle-microphone': { on: { label: 'Mute', icon: 'mic' }, off: { label: 'Unmute', icon: 'mic-off' } },
  'call.toggle-camera': { on: { label: 'Camera off', icon: 'camera' }, off: { label: 'Camera on', icon: 'camera-off' } },
} as const satisfies Partial<Record<ShortcutAction, Record<'on' | 'off', { label: string; icon: ControlIconName }>>>;

interface ToggleControlProps extends Pick<ControlProps, 'keys' | 'onAction'> {
  action: keyof typeof DEVICE_TOGGLES;
  off: boolean;
}

/** Microphone or camera: pressed, and marked off, while the device is off. */
function ToggleControl({ action, off, ...common }: ToggleControlProps) {
  const look = DEVICE_TOGGLES[action][off ? 'off' : 'on'];
  return <Control {...common} action={action} label={look.label} icon={look.icon} pressed={off} className={off ? 'is-off' : ''} />;
}

/** Always on screen during a call: every safety tool one click or one key away. */
export function SafetyPanel({ inCall, microphoneMuted, cameraOff, keys, onAction, onCancel, onStop, onOpenEffects }: SafetyPanelProps) {
  const common = { keys, onAction };
  return (
    <nav className="safety-panel" aria-label="Call and safety controls">
      <div className="safety-panel__group">
        <ToggleControl {...common} action="call.toggle-microphone" off={microphoneMuted} />
        <ToggleControl {...common} action="call.toggle-camera" off={cameraOff} />
        <PanelButton label="Background" title="Blur or replace your background" icon="background" onClick={onOpenEffects} />
      </div>
      {inCall ? (
        <>
          <div className="safety-panel__group">
            <Control {...common} action="call.skip" label="Skip" className="safety-button--primary" icon="skip" />
            <PanelButton label="Stop" title="Stop: end the call and go back to the lobby" icon="stop" onClick={onStop} />
          </div>
          <div className="safety-panel__group">
            <Control {...common} action="safety.report" label="Report" className="safety-button--warning" icon="flag" />
            <Control {...common} action="safety.block" label="Block" className="safety-button--warning" icon="block" />
            <Control {...common} action="safety.panic" label="Panic" className="safety-button--danger" icon="alert" />
          </div>
        </>
      ) : (
        <div className="safety-panel__group">
          <PanelButton label="Cancel" title="Stop searching and go back to the lobby" icon="stop" onClick={onCancel} />
        </div>
      )}
      <Control {...common} action="help.show-shortcuts" label="Shortcuts" className="safety-button--quiet" icon="keyboard" />
    </nav>
  );
}
