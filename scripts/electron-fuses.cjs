/**
 * electron-builder afterPack hook: flips Electron's fuses in the packed
 * binary, after packing and before signing (the signature must cover the
 * flipped bytes). Fuses are switches compiled into Electron that no
 * command-line flag or environment variable can turn back on:
 *
 *   RunAsNode off                      ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
 *   EnableNodeOptionsEnvironmentVariable off   NODE_OPTIONS cannot inject code
 *   EnableNodeCliInspectArguments off  --inspect cannot attach a debugger
 *   EnableCookieEncryption on          cookies are encrypted with the OS keychain's key
 *   EnableEmbeddedAsarIntegrityValidation on (macOS, Windows)  a modified app.asar is refused
 *                                      (Linux has no asar integrity yet, so it stays as built)
 *   OnlyLoadAppFromAsar on             the app loads only from app.asar, never a loose folder
 *   GrantFileProtocolExtraPrivileges off  file:// pages get no extra powers (the app uses app://)
 *   LoadBrowserProcessSpecificV8Snapshot off  the default snapshot only
 */
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

const ASAR_INTEGRITY_PLATFORMS = new Set(['darwin', 'mas', 'win32']);
/** builder-util's Arch.arm64 */
const ARCH_ARM64 = 3;

function fuseConfigFor(electronPlatformName, arch) {
  return {
    version: FuseVersion.V1,
    // Apple silicon refuses to run a binary whose ad-hoc signature no longer matches.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' && arch === ARCH_ARM64,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ASAR_INTEGRITY_PLATFORMS.has(electronPlatformName),
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

async function afterPack(context) {
  const config = fuseConfigFor(context.electronPlatformName, context.arch);
  // electron-builder knows where the binary is on each system (.app, .exe, executableName).
  const wires = await context.packager.addElectronFuses(context, config);
  if (!wires) throw new Error('Electron fuses were not flipped: no fuse wire found in the packed binary.');
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfigFor = fuseConfigFor;
