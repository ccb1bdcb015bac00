/**
 * Camera and microphone for the app's own page, nothing else, for anyone.
 * Plain module: Electron's session handlers pass their arguments straight in.
 */
export interface PermissionQuery {
  permission: string;
  /** Origin or URL of the frame asking. */
  requestingUrl: string;
  /** For "media": which kinds are asked for ("audio", "video"). */
  mediaTypes?: readonly string[];
}

export function isPermissionGranted(query: PermissionQuery, appOrigin: string): boolean {
  if (query.permission !== 'media') return false;
  if (!query.requestingUrl.startsWith(`${appOrigin}/`) && query.requestingUrl !== appOrigin) return false;
  const kinds = query.mediaTypes ?? [];
  return kinds.every((kind) => kind === 'audio' || kind === 'video');
}
