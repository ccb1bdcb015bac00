import type { EffectsLabApi } from './lab-api';

declare global {
  interface Window {
    effectsLab: EffectsLabApi;
  }
}
