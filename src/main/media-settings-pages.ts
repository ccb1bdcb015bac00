/**
 * The operating-system settings pages where a person allows or refuses
 * camera and microphone access for apps. Fixed strings: the renderer names
 * a device, never a URL.
 */
import type { MediaKind } from '../shared/bridge-contract';

export const MEDIA_SETTINGS_PAGES: Readonly<Partial<Record<NodeJS.Platform, Readonly<Record<MediaKind, string>>>>> = {
  darwin: {
    camera: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera',
    microphone: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
  },
  win32: {
    camera: 'ms-settings:privacy-webcam',
    microphone: 'ms-settings:privacy-microphone',
  },
};

/** The settings page for one device on one system, or null where the system has none. */
export function mediaSettingsPage(platform: NodeJS.Platform, kind: MediaKind): string | null {
  return MEDIA_SETTINGS_PAGES[platform]?.[kind] ?? null;
}
