/**
 * The only addresses the app ever hands to the operating system to open
 * (`shell.openExternal`): the camera and microphone settings pages. Exact
 * matches, so no query or path can be smuggled in.
 */
import { MEDIA_SETTINGS_PAGES } from './media-settings-pages';

export const ALLOWED_EXTERNAL_URLS: ReadonlySet<string> = new Set(
  Object.values(MEDIA_SETTINGS_PAGES).flatMap((pages) => (pages ? Object.values(pages) : [])),
);

export function isExternalUrlAllowed(url: string): boolean {
  return ALLOWED_EXTERNAL_URLS.has(url);
}

/** Electron's `shell.openExternal`, or anything with its shape. */
export type OpenExternal = (url: string) => Promise<void>;

/** Opens `url` only if it is on the allow-list; anything else is a programming error, refused loudly. */
export async function openAllowedExternal(url: string, openExternal: OpenExternal): Promise<void> {
  if (!isExternalUrlAllowed(url)) {
    throw new Error('Refused to open an address outside the allow-list of system settings pages.');
  }
  await openExternal(url);
}
