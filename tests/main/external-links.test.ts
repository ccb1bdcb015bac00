import { describe, expect, it } from 'vitest';
import { ALLOWED_EXTERNAL_URLS, isExternalUrlAllowed, openAllowedExternal } from '../../src/main/external-links';

const SETTINGS_PAGES = [
  'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera',
  'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
  'ms-settings:privacy-webcam',
  'ms-settings:privacy-microphone',
];

describe('the openExternal allow-list', () => {
  it('holds exactly the four camera and microphone settings pages', () => {
    expect([...ALLOWED_EXTERNAL_URLS].sort()).toEqual([...SETTINGS_PAGES].sort());
  });

  it.each([
    'https://example.com',
    'http://127.0.0.1:8787',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ms-settings:privacy-webcam ',
    'MS-SETTINGS:privacy-webcam',
    'ms-settings:privacy-webcam?x=1',
    'ms-settings:privacy-location',
    'ms-settings:',
    'x-apple.systempreferences:com.apple.preference.security?Privacy_Location',
    'x-apple.systempreferences:com.apple.preference.security',
    'smb://attacker/share',
    '',
  ])('refuses %j', async (url) => {
    expect(isExternalUrlAllowed(url)).toBe(false);
    const opened: string[] = [];
    await expect(openAllowedExternal(url, async (target) => void opened.push(target))).rejects.toThrow(/allow-list/);
    expect(opened).toEqual([]);
  });

  it.each(SETTINGS_PAGES)('opens %s', async (url) => {
    const opened: string[] = [];
    await openAllowedExternal(url, async (target) => void opened.push(target));
    expect(opened).toEqual([url]);
  });
});
