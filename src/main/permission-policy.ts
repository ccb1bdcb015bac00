/**
 * Camera and microphone for the app's own page, nothing else, for anyone:
 * the promise "only grant camera and microphone access, no other device
 * permissions". Plain module: `installPermissionPolicy` hands Electron's
 * session handlers straight to the decisions below, and the tests call
 * those same handlers with Electron-shaped arguments.
 */
import type { Session } from 'electron';
import { isSameOrigin } from './url-origin';

/** The only permission ever granted, and the only kinds of media within it. */
const GRANTABLE_PERMISSION = 'media';
const GRANTABLE_MEDIA_KINDS: ReadonlySet<string> = new Set(['audio', 'video']);

export type PermissionSource = 'request' | 'check' | 'device' | 'display-capture';

export type DenialReason =
  'permission-not-allowed' | 'foreign-origin' | 'sub-frame' | 'no-media-kind' | 'media-kind-not-allowed' | 'devices-not-allowed';

export type PermissionDecision = { granted: true } | { granted: false; reason: DenialReason };

const GRANT: PermissionDecision = { granted: true };
const deny = (reason: DenialReason): PermissionDecision => ({ granted: false, reason });

export interface PermissionRequestQuery {
  permission: string;
  /** URL of the frame asking. */
  requestingUrl: string;
  isMainFrame: boolean;
  /** For "media": which kinds are asked for ("audio", "video"). */
  mediaTypes?: readonly string[];
}

/** A page asks for a permission (getUserMedia, Notification.requestPermission, …). */
export function decidePermissionRequest(query: PermissionRequestQuery, appOrigin: string): PermissionDecision {
  if (query.permission !== GRANTABLE_PERMISSION) return deny('permission-not-allowed');
  if (!isSameOrigin(query.requestingUrl, appOrigin)) return deny('foreign-origin');
  // The app has no frames; a sub-frame asking for the camera is not the app.
  if (!query.isMainFrame) return deny('sub-frame');
  const kinds = query.mediaTypes ?? [];
  if (kinds.length === 0) return deny('no-media-kind');
  if (!kinds.every((kind) => GRANTABLE_MEDIA_KINDS.has(kind))) return deny('media-kind-not-allowed');
  return GRANT;
}

export interface PermissionCheckQuery {
  permission: string;
  /** Origin of the frame checking, as Electron reports it. */
  requestingOrigin: string;
  isMainFrame: boolean;
  /** For "media": "audio", "video" or "unknown". */
  mediaType?: string;
  /** Set only when a cross-origin sub-frame checks. */
  embeddingOrigin?: string;
}

/** A page asks whether it already holds a permission (Permissions API, enumerateDevices labels, …). */
export function decidePermissionCheck(query: PermissionCheckQuery, appOrigin: string): PermissionDecision {
  if (query.permission !== GRANTABLE_PERMISSION) return deny('permission-not-allowed');
  if (!isSameOrigin(query.requestingOrigin, appOrigin)) return deny('foreign-origin');
  if (!query.isMainFrame || query.embeddingOrigin !== undefined) return deny('sub-frame');
  if (query.mediaType === undefined) return deny('no-media-kind');
  if (!GRANTABLE_MEDIA_KINDS.has(query.mediaType)) return deny('media-kind-not-allowed');
  return GRANT;
}

/** HID, serial and USB devices: never, for any origin. */
export function decideDevicePermission(): PermissionDecision {
  return deny('devices-not-allowed');
}

/** One refusal, as it is logged: no URL, no device name, nothing about the person. */
export interface PermissionDenial {
  source: PermissionSource;
  /** Electron's permission name, or "unknown" for a name Electron does not list. */
  permission: string;
  reason: DenialReason;
  /** Whether the asking page was the app's own ("app") or anything else ("other"). */
  origin: 'app' | 'other';
}

const SAFE_PERMISSION_NAME = /^[a-zA-Z][a-zA-Z-]{0,39}$/;

function denialOf(
  source: PermissionSource,
  permission: string,
  url: string,
  appOrigin: string,
  decision: PermissionDecision,
): PermissionDenial | null {
  if (decision.granted) return null;
  return {
    source,
    permission: SAFE_PERMISSION_NAME.test(permission) ? permission : 'unknown',
    reason: decision.reason,
    origin: isSameOrigin(url, appOrigin) ? 'app' : 'other',
  };
}

/** The parts of Electron's Session the policy installs itself on. */
export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'
>;

export interface PermissionPolicyOptions {
  appOrigin: string;
  onDenied(denial: PermissionDenial): void;
}

/** Hands each of Electron's permission hooks to the decisions above. */
export function installPermissionPolicy(session: PermissionSession, options: PermissionPolicyOptions): void {
  const { appOrigin, onDenied } = options;
  const report = (denial: PermissionDenial | null): void => {
    if (denial) onDenied(denial);
  };

  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const decision = decidePermissionRequest(
      { permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes },
      appOrigin,
    );
    report(denialOf('request', permission, details.requestingUrl, appOrigin, decision));
    callback(decision.granted);
  });

  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    const decision = decidePermissionCheck(
      {
        permission,
        requestingOrigin,
        isMainFrame: details.isMainFrame,
        mediaType: details.mediaType,
        embeddingOrigin: details.embeddingOrigin,
      },
      appOrigin,
    );
    report(denialOf('check', permission, requestingOrigin, appOrigin, decision));
    return decision.granted;
  });

  session.setDevicePermissionHandler((details) => {
    const decision = decideDevicePermission();
    report(denialOf('device', details.deviceType, details.origin, appOrigin, decision));
    return decision.granted;
  });

  // Screen capture (getDisplayMedia) is never offered.
  session.setDisplayMediaRequestHandler((request, callback) => {
    report({
      source: 'display-capture',
      permission: 'display-capture',
      reason: 'permission-not-allowed',
      origin: isSameOrigin(request.securityOrigin, appOrigin) ? 'app' : 'other',
    });
    callback(null);
  });
}

/**
 * Formats denials for the log, once per distinct kind: a page that polls a
 * permission must not flood the log, and a count is enough to notice it.
 */
export function createDenialLogger(write: (line: string) => void): (denial: PermissionDenial) => void {
  const seen = new Map<string, number>();
  return (denial) => {
    const key = `${denial.source} ${denial.permission} ${denial.reason} ${denial.origin}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    // Log the 1st, 10th, 100th, … so repeated denials stay visible without flooding.
    if (/^10*$/.test(String(count))) {
      write(
        `permission denied: ${denial.permission} (${denial.source}, ${denial.origin} origin, ${denial.reason})` +
          (count > 1 ? ` ×${count}` : ''),
      );
    }
  };
}
