/** The desktop bridge the preload exposes; its type comes from the shared contract. */
import type { CamPartyBridge } from '../../shared/bridge-contract';

declare global {
  interface Window {
    camParty?: CamPartyBridge;
  }
}

export function desktopBridge(): CamPartyBridge {
  if (!window.camParty) throw new Error('The Cam-Party desktop bridge is missing: open this page in the app.');
  return window.camParty;
}
