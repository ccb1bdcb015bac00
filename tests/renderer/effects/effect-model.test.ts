import { describe, expect, it } from 'vitest';
import {
  BLUR_SETTINGS,
  describeEffect,
  effectFromKey,
  effectKey,
  isStorable,
  parseEffect,
  readStoredEffect,
  renderEffectFor,
  type Effect,
} from '../../../src/renderer/src/effects/effect-model';

const picture = { image: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), name: 'me.png' };

describe('effect model', () => {
  const effects: Effect[] = [
    { kind: 'none' },
    { kind: 'blur', strength: 'light' },
    { kind: 'blur', strength: 'strong' },
    { kind: 'background', backgroundId: 'misty-forest' },
    { kind: 'custom-background', ...picture },
  ];

  it('gives each effect a key that leads back to it', () => {
    for (const effect of effects) expect(effectFromKey(effectKey(effect), picture)).toEqual(effect);
    expect(new Set(effects.map(effectKey)).size).toBe(effects.length);
  });

  it('rejects unknown keys with a clear error', () => {
    for (const key of ['blur', 'blur:medium', 'background:../etc', 'background:', 'glow:1', 'blur:light:x']) {
      expect(() => effectFromKey(key), key).toThrow(/Unknown effect key/);
    }
    expect(() => effectFromKey('custom')).toThrow(/needs a picture/);
  });

  it('validates input and says what is wrong', () => {
    expect(parseEffect({ kind: 'blur', strength: 'light' })).toEqual({ kind: 'blur', strength: 'light' });
    expect(() => parseEffect({ kind: 'blur', strength: 'max' })).toThrow(/Not a video effect/);
    expect(() => parseEffect({ kind: 'background', backgroundId: 'Dusk Hills' })).toThrow(/Not a video effect/);
  });

  it('stores everything but a picture from disk, and falls back on unreadable settings', () => {
    expect(effects.filter(isStorable).map((effect) => effect.kind)).toEqual(['none', 'blur', 'blur', 'background']);
    expect(readStoredEffect({ kind: 'blur', strength: 'strong' })).toEqual({ kind: 'blur', strength: 'strong' });
    expect(readStoredEffect({ kind: 'custom-background', ...picture })).toEqual({ kind: 'none' });
    expect(readStoredEffect('garbage', { kind: 'blur', strength: 'light' })).toEqual({ kind: 'blur', strength: 'light' });
  });

  it('maps choices to drawing instructions: stronger blur works on a smaller picture', () => {
    expect(renderEffectFor({ kind: 'none' })).toBeNull();
    expect(renderEffectFor({ kind: 'blur', strength: 'light' })).toEqual(BLUR_SETTINGS.light);
    expect(BLUR_SETTINGS.strong.downscale).toBeGreaterThan(BLUR_SETTINGS.light.downscale);
    expect(renderEffectFor({ kind: 'custom-background', ...picture })).toEqual({ kind: 'background' });
  });

  it('describes effects in words', () => {
    expect(describeEffect({ kind: 'background', backgroundId: 'calm-sea' })).toBe('Background: calm sea');
    expect(describeEffect({ kind: 'custom-background', ...picture })).toBe('Your picture: me.png');
  });
});
