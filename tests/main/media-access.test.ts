/**
 * OS-level camera and microphone access on each system. systemPreferences
 * and shell.openExternal exist only inside Electron, so they are recorders
 * here that answer as macOS and Windows do; the service is the real one.
 */
import { describe, expect, it } from 'vitest';
import type { MediaKind } from '../../src/shared/bridge-contract';
import { createMediaAccessService, type SystemMediaAccess } from '../../src/main/media-access';

type Status = ReturnType<SystemMediaAccess['getMediaAccessStatus']>;

function systemWith(statuses: Record<MediaKind, Status>, grantOnAsk: boolean) {
  const asked: MediaKind[] = [];
  const system: SystemMediaAccess = {
    getMediaAccessStatus: (kind) => statuses[kind],
    askForMediaAccess: async (kind) => {
      asked.push(kind);
      statuses[kind] = grantOnAsk ? 'granted' : 'denied';
      return grantOnAsk;
    },
  };
  return { system, asked };
}

function opener() {
  const opened: string[] = [];
  return { opened, openExternal: async (url: string) => void opened.push(url) };
}

describe('media access on macOS', () => {
  it('asks only for the undecided device, one at a time, then reports the new status', async () => {
    const { system, asked } = systemWith({ camera: 'not-determined', microphone: 'granted' }, true);
    const service = createMediaAccessService({ platform: 'darwin', systemPreferences: system, openExternal: opener().openExternal });
    expect(service.read().camera.status).toBe('not-determined');
    const report = await service.request();
    expect(asked).toEqual(['camera']);
    expect(report).toEqual({
      camera: { status: 'granted', settingsAvailable: true },
      microphone: { status: 'granted', settingsAvailable: true },
    });
  });

  it('does not ask again once the person refused, and opens the right settings pane', async () => {
    const { system, asked } = systemWith({ camera: 'denied', microphone: 'not-determined' }, false);
    const { opened, openExternal } = opener();
    const service = createMediaAccessService({ platform: 'darwin', systemPreferences: system, openExternal });
    const report = await service.request();
    expect(asked).toEqual(['microphone']);
    expect(report.camera.status).toBe('denied');
    expect(report.microphone.status).toBe('denied');
    expect(await service.openSettings('camera')).toEqual({ opened: true });
    expect(await service.openSettings('microphone')).toEqual({ opened: true });
    expect(opened).toEqual([
      'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera',
      'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
    ]);
  });

  it('reports a device policy restriction as it is', () => {
    const { system } = systemWith({ camera: 'restricted', microphone: 'granted' }, true);
    const service = createMediaAccessService({ platform: 'darwin', systemPreferences: system, openExternal: null });
    expect(service.read()).toEqual({
      camera: { status: 'restricted', settingsAvailable: false },
      microphone: { status: 'granted', settingsAvailable: false },
    });
  });
});

describe('media access on Windows', () => {
  it('reads the switch without asking (Windows has no prompt API) and opens ms-settings pages', async () => {
    const { system, asked } = systemWith({ camera: 'denied', microphone: 'granted' }, true);
    const { opened, openExternal } = opener();
    const service = createMediaAccessService({ platform: 'win32', systemPreferences: system, openExternal });
    const report = await service.request();
    expect(asked).toEqual([]);
    expect(report.camera).toEqual({ status: 'denied', settingsAvailable: true });
    await service.openSettings('camera');
    await service.openSettings('microphone');
    expect(opened).toEqual(['ms-settings:privacy-webcam', 'ms-settings:privacy-microphone']);
  });
});

describe('media access on Linux', () => {
  it('has no per-app switch: not applicable, nothing to open, nothing asked', async () => {
    const { system, asked } = systemWith({ camera: 'denied', microphone: 'denied' }, true);
    const { opened, openExternal } = opener();
    const service = createMediaAccessService({ platform: 'linux', systemPreferences: system, openExternal });
    expect(await service.request()).toEqual({
      camera: { status: 'not-applicable', settingsAvailable: false },
      microphone: { status: 'not-applicable', settingsAvailable: false },
    });
    expect(await service.openSettings('camera')).toEqual({ opened: false });
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
  });
});
