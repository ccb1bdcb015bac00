/**
 * What electron-builder.yml promises for each system, read from the file
 * itself: targets, app id, icons that exist, the hardened runtime with
 * camera and microphone entitlements and usage descriptions (without which
 * macOS ends the app at first camera use), and the fuses hook.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');

interface BuilderConfig {
  appId: string;
  productName: string;
  afterPack: string;
  asar: boolean;
  publish: { provider: string; url: string };
  files: string[];
  mac: {
    target: { target: string; arch: string[] }[];
    icon: string;
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    extendInfo: Record<string, string>;
  };
  win: { target: { target: string }[]; icon: string };
  linux: { target: { target: string }[]; icon: string; executableName: string };
}

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const targets = (list: { target: string }[]) => list.map((entry) => entry.target);

function plistKeys(file: string): Map<string, string> {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<!DOCTYPE plist/);
  return new Map([...text.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\/>/g)].map((match) => [match[1]!, match[2]!]));
}

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('app.camparty.desktop');
    expect(config.productName).toBe('Cam-Party Desktop');
    expect(config.linux.executableName).toBe('cam-party');
  });

  it('builds NSIS for Windows, DMG for macOS, AppImage and deb for Linux', () => {
    expect(targets(config.win.target)).toEqual(['nsis']);
    // The zip is what auto-update downloads on macOS.
    expect(targets(config.mac.target)).toEqual(['dmg', 'zip']);
    for (const target of config.mac.target) expect(target.arch).toEqual(['x64', 'arm64']);
    expect(targets(config.linux.target)).toEqual(['AppImage', 'deb']);
  });

  it('points at icons that exist', () => {
    expect(fs.existsSync(path.join(root, config.mac.icon))).toBe(true);
    expect(fs.existsSync(path.join(root, config.win.icon))).toBe(true);
    expect(fs.readdirSync(path.join(root, config.linux.icon))).toContain('512x512.png');
  });

  it('publishes update metadata for a generic HTTPS update server', () => {
    expect(config.publish.provider).toBe('generic');
    expect(new URL(config.publish.url).protocol).toBe('https:');
  });

  it('packs into asar and runs the fuses hook', () => {
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('scripts/electron-fuses.cjs');
    expect(fs.existsSync(path.join(root, config.afterPack))).toBe(true);
  });

  it('signs macOS with the hardened runtime, camera and audio-input entitlements and usage descriptions', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const keys = plistKeys(file);
      expect(keys.get('com.apple.security.device.camera'), file).toBe('true');
      expect(keys.get('com.apple.security.device.audio-input'), file).toBe('true');
      // Nothing beyond what V8 needs is relaxed.
      expect(
        [...keys.keys()].filter((key) => key.startsWith('com.apple.security.cs.')),
        file,
      ).toEqual(['com.apple.security.cs.allow-jit']);
    }
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/hear you/);
  });
});

describe('the fuses hook', () => {
  const { fuseConfigFor } = require(path.join(root, 'scripts/electron-fuses.cjs')) as {
    fuseConfigFor(platform: string, arch: number): Record<string, unknown>;
  };

  it.each(['darwin', 'win32', 'linux'])('sets all eight fuses on %s', (platform) => {
    const config = fuseConfigFor(platform, 1);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(platform !== 'linux');
  });

  it('resets the ad-hoc signature only for Apple silicon builds', () => {
    expect(fuseConfigFor('darwin', 3).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfigFor('darwin', 1).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfigFor('linux', 3).resetAdHocDarwinSignature).toBe(false);
  });
});
