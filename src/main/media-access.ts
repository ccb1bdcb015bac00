/**
 * Camera and microphone access at the operating-system level: macOS asks
 * the person once per app (`askForMediaAccess`) and both macOS and Windows
 * keep a per-app switch (`getMediaAccessStatus`). When that switch is off,
 * the page's own getUserMedia fails however the app answers, so the lobby
 * shows which setting to change and a button that opens it.
 */
import type { MediaAccessReport, MediaKind, OsMediaAccessStatus } from '../shared/bridge-contract';
import { openAllowedExternal, type OpenExternal } from './external-links';
import { mediaSettingsPage } from './media-settings-pages';

/** The parts of Electron's `systemPreferences` this service uses. */
export interface SystemMediaAccess {
  getMediaAccessStatus(mediaType: MediaKind): 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown';
  /** macOS only. */
  askForMediaAccess?(mediaType: MediaKind): Promise<boolean>;
}

export interface MediaAccessDependencies {
  platform: NodeJS.Platform;
  /** Electron's systemPreferences; null where the host has no OS-level switch to read. */
  systemPreferences: SystemMediaAccess | null;
  /** Electron's shell.openExternal; null where nothing may be opened. */
  openExternal: OpenExternal | null;
}

export interface MediaAccessService {
  /** Reads the OS status without asking the person anything. */
  read(): MediaAccessReport;
  /** On macOS, asks for every device still undecided; then reads. */
  request(): Promise<MediaAccessReport>;
  /** Opens the settings page for one device; false where the system has none. */
  openSettings(kind: MediaKind): Promise<{ opened: boolean }>;
}

/** Only macOS and Windows keep a per-app switch that Electron can read. */
const PLATFORMS_WITH_OS_SWITCH: ReadonlySet<NodeJS.Platform> = new Set(['darwin', 'win32']);
const KINDS: readonly MediaKind[] = ['camera', 'microphone'];

export function createMediaAccessService(deps: MediaAccessDependencies): MediaAccessService {
  const statusOf = (kind: MediaKind): OsMediaAccessStatus => {
    if (!deps.systemPreferences || !PLATFORMS_WITH_OS_SWITCH.has(deps.platform)) return 'not-applicable';
    return deps.systemPreferences.getMediaAccessStatus(kind);
  };
  const read = (): MediaAccessReport => {
    const entry = (kind: MediaKind) => ({
      status: statusOf(kind),
      settingsAvailable: deps.openExternal !== null && mediaSettingsPage(deps.platform, kind) !== null,
    });
    return { camera: entry('camera'), microphone: entry('microphone') };
  };

  return {
    read,
    async request() {
      const ask = deps.platform === 'darwin' ? deps.systemPreferences?.askForMediaAccess : undefined;
      if (ask) {
        // One prompt at a time: macOS shows them as separate sheets.
        for (const kind of KINDS) {
          if (statusOf(kind) === 'not-determined') await ask.call(deps.systemPreferences, kind);
        }
      }
      return read();
    },
    async openSettings(kind) {
      const page = mediaSettingsPage(deps.platform, kind);
      if (page === null || deps.openExternal === null) return { opened: false };
      await openAllowedExternal(page, deps.openExternal);
      return { opened: true };
    },
  };
}
