/**
 * What the operating system allows Cam-Party to use, shown in the lobby
 * before Start. When macOS or Windows has camera or microphone access
 * turned off for the app, the page's own request fails whatever it does,
 * so this says which setting to change and opens that settings page.
 */
import { useEffect, useState } from 'react';
import type { AppInfo, BridgeReply, MediaAccessReport, MediaKind, OsMediaAccessStatus } from '../../../shared/bridge-contract';
import { callBridge, isCancelled } from '../bridge';
import { ActionButton, ActionError } from '../ActionButton';
import { useBridgeAction } from '../use-bridge-action';
import '../buttons.css';
import './notice-banner.css';
import './lobby.css';

const DEVICE_NAME: Record<MediaKind, string> = { camera: 'Camera', microphone: 'Microphone' };

const STATUS_TEXT: Record<OsMediaAccessStatus, string> = {
  granted: 'allowed',
  denied: 'turned off for Cam-Party',
  restricted: 'blocked by a device policy',
  'not-determined': 'not decided yet',
  unknown: 'unknown',
  'not-applicable': 'asked when you start',
};

function settingsPath(platform: AppInfo['platform'], kind: MediaKind): string {
  const device = DEVICE_NAME[kind];
  if (platform === 'darwin') return `System Settings › Privacy & Security › ${device}`;
  if (platform === 'win32') return `Settings › Privacy & security › ${device}`;
  return 'your system settings';
}

/** Reads the status on mount (asking on macOS if undecided) and again whenever the window regains focus. */
function useOsMediaAccess(): { report: MediaAccessReport | null; platform: AppInfo['platform']; error: string | null } {
  const [report, setReport] = useState<MediaAccessReport | null>(null);
  const [platform, setPlatform] = useState<AppInfo['platform']>('other');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const show = (reply: BridgeReply<MediaAccessReport>): void => {
      if (signal.aborted) return;
      if (reply.ok) setReport(reply.value);
      else if (!isCancelled(reply.error)) setError(reply.error.message);
    };
    void callBridge('getAppInfo', undefined, { signal }).then((reply) => reply.ok && setPlatform(reply.value.platform));
    void callBridge('requestMediaAccess', undefined, { signal }).then(show);
    // Coming back from the settings page is a focus change: read again.
    const reread = (): void => void callBridge('getMediaAccess', undefined, { signal }).then(show);
    window.addEventListener('focus', reread);
    return () => {
      controller.abort();
      window.removeEventListener('focus', reread);
    };
  }, []);

  return { report, platform, error };
}

export function OsMediaAccess() {
  const { report, platform, error } = useOsMediaAccess();
  const opening = useBridgeAction();
  const [openHint, setOpenHint] = useState<string | null>(null);

  const openSettings = (kind: MediaKind): void => {
    setOpenHint(null);
    void opening.run(async (signal) => {
      const reply = await callBridge('openMediaAccessSettings', { kind }, { signal });
      if (reply.ok && !reply.value.opened) setOpenHint(`Open ${settingsPath(platform, kind)} yourself to change this.`);
      return reply;
    });
  };

  if (error) return <p className="lobby__hint">System camera access could not be read: {error}</p>;
  if (!report) return null;

  const kinds: MediaKind[] = ['camera', 'microphone'];
  // Where the system has no per-app switch (Linux) there is nothing to show.
  if (kinds.every((kind) => report[kind].status === 'not-applicable')) return null;
  const blocked = kinds.filter((kind) => report[kind].status === 'denied' || report[kind].status === 'restricted');

  return (
    <section aria-label="System access to camera and microphone" data-testid="os-media-access">
      <ul className="tips" aria-label="System access">
        {kinds.map((kind) => (
          <li key={kind} data-status={report[kind].status}>
            {DEVICE_NAME[kind]}: {STATUS_TEXT[report[kind].status]}
          </li>
        ))}
      </ul>
      {blocked.map((kind) => (
        <div key={kind} className="notice notice--error" role="alert">
          <span>
            Your {kind} is {STATUS_TEXT[report[kind].status]}. Turn Cam-Party on in {settingsPath(platform, kind)}, then come back.
          </span>
          {report[kind].status === 'denied' && report[kind].settingsAvailable ? (
            <ActionButton
              type="button"
              className="button button--secondary"
              action={opening}
              busyLabel="Opening…"
              onClick={() => openSettings(kind)}
            >
              Open {kind} settings
            </ActionButton>
          ) : null}
        </div>
      ))}
      {openHint ? <p className="lobby__hint">{openHint}</p> : null}
      <ActionError error={opening.error} />
    </section>
  );
}
