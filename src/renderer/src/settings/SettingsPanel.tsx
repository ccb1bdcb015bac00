import { ActionError } from '../ActionButton';
import type { Settings } from '../../../shared/settings';
import { Dialog } from '../Dialog';
import type { SettingsHandle } from './use-settings';
import { ChatHistorySection } from './ChatHistorySection';
import { BlockedSection } from './BlockedSection';
import { SettingsErrorNote } from './SettingsErrorNote';
import { ShortcutSection } from './ShortcutSection';
import { UpdatesSection } from './UpdatesSection';
import '../buttons.css';
import '../forms.css';
import '../dialog.css';

/** The on/off settings of the Privacy section, in the order shown. */
const PRIVACY_SWITCHES = [
  { key: 'outgoingPrivacyGuard', label: "Ask before I send my phone number, email, address or another app's handle" },
  { key: 'filterIncomingVideo', label: "Keep a stranger's video blurred until the on-device safety filter has checked it" },
  { key: 'alwaysStartWithBlur', label: 'Always start with my background blurred' },
] as const satisfies readonly { key: keyof Settings; label: string }[];

interface SettingsPanelProps {
  settings: SettingsHandle;
  onClose(): void;
}

export function SettingsPanel({ settings, onClose }: SettingsPanelProps) {
  const { settings: current, update, error } = settings;
  return (
    <Dialog title="Settings" closeLabel="Close settings" onClose={onClose} wide>
      {error && error.keys === null && (
        <div className="dialog__section">
          <ActionError error={error.message} />
          <button type="button" className="button button--secondary button--small" onClick={settings.reload}>
            Read the settings again
          </button>
        </div>
      )}
      <section className="dialog__section" aria-labelledby="privacy-title">
        <h3 id="privacy-title">Privacy</h3>
        {PRIVACY_SWITCHES.map(({ key, label }) => (
          <label key={key} className="checkbox">
            <input type="checkbox" checked={current[key]} onChange={(event) => void update({ [key]: event.target.checked })} />
            {label}
          </label>
        ))}
        <SettingsErrorNote error={error} keys={PRIVACY_SWITCHES.map(({ key }) => key)} />
      </section>
      <ChatHistorySection
        retention={current.chatLogRetention}
        onRetentionChange={(chatLogRetention) => void update({ chatLogRetention })}
        saveError={<SettingsErrorNote error={error} keys={['chatLogRetention']} />}
      />
      <BlockedSection />
      <ShortcutSection
        custom={current.callKeys}
        onChange={(callKeys) => void update({ callKeys })}
        saveError={<SettingsErrorNote error={error} keys={['callKeys']} />}
      />
      <UpdatesSection
        checkAutomatically={current.checkForUpdatesAutomatically}
        onChange={(checkForUpdatesAutomatically) => void update({ checkForUpdatesAutomatically })}
        saveError={<SettingsErrorNote error={error} keys={['checkForUpdatesAutomatically']} />}
      />
    </Dialog>
  );
}
