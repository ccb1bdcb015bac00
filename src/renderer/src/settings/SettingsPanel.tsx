import { ActionError } from '../ActionButton';
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
        <label className="checkbox">
          <input
            type="checkbox"
            checked={current.outgoingPrivacyGuard}
            onChange={(event) => void update({ outgoingPrivacyGuard: event.target.checked })}
          />
          Ask before I send my phone number, email, address or another app's handle
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={current.filterIncomingVideo}
            onChange={(event) => void update({ filterIncomingVideo: event.target.checked })}
          />
          Keep a stranger's video blurred until the on-device safety filter has checked it
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={current.alwaysStartWithBlur}
            onChange={(event) => void update({ alwaysStartWithBlur: event.target.checked })}
          />
          Always start with my background blurred
        </label>
        <SettingsErrorNote error={error} keys={['outgoingPrivacyGuard', 'filterIncomingVideo', 'alwaysStartWithBlur']} />
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
