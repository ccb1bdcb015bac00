/**
 * The permission policy through Electron's own hooks: the handlers that
 * `installPermissionPolicy` gives a session are called with the arguments
 * Electron passes, for every permission name Electron 45 defines, unknown
 * names, the app's origin and others, main and sub-frames, and each kind of
 * media. The session is a recorder (no Electron binary here); the handlers
 * and decisions are the real ones.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { APP_ORIGIN } from '../../src/main/app-protocol';
import {
  createDenialLogger,
  installPermissionPolicy,
  type PermissionDenial,
  type PermissionSession,
} from '../../src/main/permission-policy';
import { electronPermissionNames } from './electron-permission-names';

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0] & {};
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0] & {};
type DeviceHandler = Parameters<Session['setDevicePermissionHandler']>[0] & {};
type DisplayHandler = Parameters<Session['setDisplayMediaRequestHandler']>[0] & {};

/** Records the handlers, as Electron's session would keep them. */
function installOnRecorder() {
  const installed: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler; display?: DisplayHandler } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler: (handler) => void (installed.request = handler ?? undefined),
    setPermissionCheckHandler: (handler) => void (installed.check = handler ?? undefined),
    setDevicePermissionHandler: (handler) => void (installed.device = handler ?? undefined),
    setDisplayMediaRequestHandler: (handler) => void (installed.display = handler ?? undefined),
  };
  const denials: PermissionDenial[] = [];
  installPermissionPolicy(session, { appOrigin: APP_ORIGIN, onDenied: (denial) => denials.push(denial) });
  if (!installed.request || !installed.check || !installed.device || !installed.display) {
    throw new Error('installPermissionPolicy left a hook unset');
  }
  const { request, check, device, display } = installed;

  const webContents = {} as Parameters<RequestHandler>[0];
  return {
    denials,
    /** What the request handler answers, via Electron's callback. */
    request(permission: string, requestingUrl: string, extra: { mediaTypes?: ('video' | 'audio')[]; isMainFrame?: boolean } = {}): boolean {
      let answer: boolean | undefined;
      request(webContents, permission as Parameters<RequestHandler>[1], (granted) => void (answer = granted), {
        requestingUrl,
        isMainFrame: extra.isMainFrame ?? true,
        ...(extra.mediaTypes ? { mediaTypes: extra.mediaTypes } : {}),
      });
      if (answer === undefined) throw new Error('the request handler never called back');
      return answer;
    },
    check(
      permission: string,
      requestingOrigin: string,
      extra: { mediaType?: 'video' | 'audio' | 'unknown'; isMainFrame?: boolean; embeddingOrigin?: string } = {},
    ): boolean {
      return check(null, permission as Parameters<CheckHandler>[1], requestingOrigin, {
        isMainFrame: extra.isMainFrame ?? true,
        mediaType: extra.mediaType,
        embeddingOrigin: extra.embeddingOrigin,
        requestingUrl: `${requestingOrigin}/index.html`,
      });
    },
    device(deviceType: 'hid' | 'serial' | 'usb', origin: string): boolean {
      return device({ deviceType, origin, device: {} as never });
    },
    display(securityOrigin: string): unknown {
      let streams: unknown = 'never called';
      display(
        { securityOrigin, videoRequested: true, audioRequested: true, userGesture: true, frame: null } as Parameters<DisplayHandler>[0],
        (granted) => void (streams = granted),
      );
      return streams;
    },
  };
}

const { names: ELECTRON_PERMISSIONS, electronVersion } = electronPermissionNames();
const UNKNOWN_PERMISSIONS = [
  'bluetooth',
  'camera',
  'microphone',
  'MEDIA',
  'media ',
  ' media',
  'clipboard-write',
  'background-sync-x',
  '',
  'x'.repeat(200),
];
const APP_PAGE = `${APP_ORIGIN}/index.html`;
const OTHER_ORIGINS = [
  'app://evil',
  'app://cam-party.evil',
  'app://evil/cam-party',
  'APP://CAM-PARTY/index.html',
  'app://cam-party:8080/index.html',
  'https://cam-party',
  'http://127.0.0.1:5173',
  'file:///etc/passwd',
  'data:text/html,<script>navigator.geolocation</script>',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  'null',
  '',
];

describe('the permission names under test', () => {
  it(`come from Electron ${electronVersion}'s own type definitions`, () => {
    expect(electronVersion.split('.')[0]).toBe('45');
    // Names the issue calls out must all be among them, so the table covers them.
    for (const name of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'hid',
      'serial',
      'usb',
      'clipboard-read',
      'display-capture',
      'idle-detection',
      'storage-access',
      'unknown',
    ]) {
      expect(ELECTRON_PERMISSIONS).toContain(name);
    }
    expect(ELECTRON_PERMISSIONS.length).toBeGreaterThanOrEqual(40);
  });
});

describe('permission requests (setPermissionRequestHandler)', () => {
  const policy = installOnRecorder();

  it.each(ELECTRON_PERMISSIONS.filter((name) => name !== 'media'))('denies "%s" to the app itself', (permission) => {
    expect(policy.request(permission, APP_PAGE, { mediaTypes: ['video', 'audio'] })).toBe(false);
  });

  it.each(UNKNOWN_PERMISSIONS)('denies the unknown permission %j', (permission) => {
    expect(policy.request(permission, APP_PAGE, { mediaTypes: ['video'] })).toBe(false);
  });

  it.each([
    [['video'], true],
    [['audio'], true],
    [['audio', 'video'], true],
    [[], false],
    [undefined, false],
  ] as const)('media with kinds %j from the app: %s', (mediaTypes, granted) => {
    expect(policy.request('media', APP_PAGE, mediaTypes ? { mediaTypes: [...mediaTypes] } : {})).toBe(granted);
  });

  it('denies media kinds other than audio and video', () => {
    expect(policy.request('media', APP_PAGE, { mediaTypes: ['video', 'screen' as 'video'] })).toBe(false);
  });

  it('denies the camera to a sub-frame even of the app', () => {
    expect(policy.request('media', APP_PAGE, { mediaTypes: ['video'], isMainFrame: false })).toBe(false);
  });

  it.each(OTHER_ORIGINS)('denies every permission, media included, to %j', (origin) => {
    for (const permission of ELECTRON_PERMISSIONS) {
      expect(policy.request(permission, origin, { mediaTypes: ['video', 'audio'] }), permission).toBe(false);
    }
  });
});

describe('permission checks (setPermissionCheckHandler)', () => {
  const policy = installOnRecorder();

  it.each(ELECTRON_PERMISSIONS.filter((name) => name !== 'media'))('says "%s" is not held by the app', (permission) => {
    expect(policy.check(permission, APP_ORIGIN, { mediaType: 'video' })).toBe(false);
  });

  it.each(UNKNOWN_PERMISSIONS)('says the unknown permission %j is not held', (permission) => {
    expect(policy.check(permission, APP_ORIGIN, { mediaType: 'audio' })).toBe(false);
  });

  it.each([
    ['video', true],
    ['audio', true],
    ['unknown', false],
    [undefined, false],
  ] as const)('media of kind %s for the app: %s', (mediaType, granted) => {
    expect(policy.check('media', APP_ORIGIN, { mediaType })).toBe(granted);
    // Electron reports the origin with or without a trailing slash depending on the caller.
    expect(policy.check('media', `${APP_ORIGIN}/`, { mediaType })).toBe(granted);
  });

  it('says no to a sub-frame, and to a frame embedded in another origin', () => {
    expect(policy.check('media', APP_ORIGIN, { mediaType: 'video', isMainFrame: false })).toBe(false);
    expect(policy.check('media', APP_ORIGIN, { mediaType: 'video', embeddingOrigin: 'https://evil.example' })).toBe(false);
  });

  it.each(OTHER_ORIGINS)('says no permission at all is held by %j', (origin) => {
    for (const permission of ELECTRON_PERMISSIONS) {
      expect(policy.check(permission, origin, { mediaType: 'video' }), permission).toBe(false);
    }
  });
});

describe('devices and screen capture', () => {
  const policy = installOnRecorder();

  it.each(['hid', 'serial', 'usb'] as const)('never grants a %s device, not even to the app', (deviceType) => {
    expect(policy.device(deviceType, APP_ORIGIN)).toBe(false);
    expect(policy.device(deviceType, 'https://evil.example')).toBe(false);
  });

  it('refuses getDisplayMedia by answering null', () => {
    expect(policy.display(APP_ORIGIN)).toBeNull();
  });
});

describe('denials are logged without personal data', () => {
  it('names the permission, the hook, the reason and app-or-other, never the URL', () => {
    const policy = installOnRecorder();
    policy.request('geolocation', 'https://stranger.example/profile?email=alice%40example.com', {});
    policy.request('media', 'https://stranger.example/alice', { mediaTypes: ['video'] });
    policy.check('notifications', APP_ORIGIN);
    policy.device('usb', 'https://stranger.example');
    expect(policy.denials).toEqual([
      { source: 'request', permission: 'geolocation', reason: 'permission-not-allowed', origin: 'other' },
      { source: 'request', permission: 'media', reason: 'foreign-origin', origin: 'other' },
      { source: 'check', permission: 'notifications', reason: 'permission-not-allowed', origin: 'app' },
      { source: 'device', permission: 'usb', reason: 'devices-not-allowed', origin: 'other' },
    ]);
    expect(JSON.stringify(policy.denials)).not.toMatch(/stranger|alice|example/);
  });

  it('does not log a granted permission', () => {
    const policy = installOnRecorder();
    policy.request('media', APP_PAGE, { mediaTypes: ['audio', 'video'] });
    policy.check('media', APP_ORIGIN, { mediaType: 'audio' });
    expect(policy.denials).toEqual([]);
  });

  it('replaces a permission name that is not a plain word with "unknown"', () => {
    const policy = installOnRecorder();
    policy.request('alice@example.com', APP_PAGE);
    expect(policy.denials[0]?.permission).toBe('unknown');
  });

  it('writes the first of each kind and then every power of ten, with the count', () => {
    const lines: string[] = [];
    const log = createDenialLogger((line) => lines.push(line));
    const denial: PermissionDenial = { source: 'check', permission: 'notifications', reason: 'permission-not-allowed', origin: 'app' };
    for (let index = 0; index < 120; index += 1) log(denial);
    log({ ...denial, permission: 'geolocation' });
    expect(lines).toEqual([
      'permission denied: notifications (check, app origin, permission-not-allowed)',
      'permission denied: notifications (check, app origin, permission-not-allowed) ×10',
      'permission denied: notifications (check, app origin, permission-not-allowed) ×100',
      'permission denied: geolocation (check, app origin, permission-not-allowed)',
    ]);
  });
});
