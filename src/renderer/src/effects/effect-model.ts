/**
 * The video effects a person can choose: none, blur (light or strong), one
 * of the backgrounds the app ships, or a picture of their own. Plain data
 * with a schema (for settings), a stable key per choice (for the picker's
 * radio values), and the numbers the worker draws with.
 */
import { z } from 'zod';
import { BACKGROUND_ID, BLUR_STRENGTHS, backgroundEffectSchema, blurEffectSchema, noEffectSchema } from '../../../shared/video-effect';
import type { RenderEffect } from './render-effect';

export { BACKGROUND_ID, BLUR_STRENGTHS };
export type BlurStrength = (typeof BLUR_STRENGTHS)[number];

export const effectSchema = z.discriminatedUnion('kind', [
  noEffectSchema,
  blurEffectSchema,
  backgroundEffectSchema,
  z.object({ kind: z.literal('custom-background'), image: z.instanceof(Blob), name: z.string().max(255) }),
]);

export type Effect = z.infer<typeof effectSchema>;

/** What settings can store: everything but a picture from disk (a Blob lives only this session). */
export const storedEffectSchema = effectSchema.refine((effect) => effect.kind !== 'custom-background', {
  message: 'A picture from disk is not stored in settings.',
});

export const NO_EFFECT: Effect = { kind: 'none' };
export const DEFAULT_BLUR: Effect = { kind: 'blur', strength: 'strong' };

/**
 * Blur drawn at a fraction of the frame size: the bilinear upscale does most
 * of the smoothing, so a small Gaussian on a small picture is enough. The
 * strength is about downscale × blurPx frame pixels (light 8, strong 24);
 * the smaller the picture, the cheaper the Gaussian.
 */
export const BLUR_SETTINGS: Record<BlurStrength, Extract<RenderEffect, { kind: 'blur' }>> = {
  light: { kind: 'blur', downscale: 5, blurPx: 1.6 },
  strong: { kind: 'blur', downscale: 8, blurPx: 3 },
};

export function parseEffect(input: unknown): Effect {
  const result = effectSchema.safeParse(input);
  if (!result.success) throw new Error(`Not a video effect: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Reads a stored choice; anything unreadable (an older or edited file) falls back to `fallback`. */
export function readStoredEffect(input: unknown, fallback: Effect = NO_EFFECT): Effect {
  const result = storedEffectSchema.safeParse(input);
  return result.success ? result.data : fallback;
}

export function isStorable(effect: Effect): boolean {
  return effect.kind !== 'custom-background';
}

export function effectKey(effect: Effect): string {
  switch (effect.kind) {
    case 'none':
      return 'none';
    case 'blur':
      return `blur:${effect.strength}`;
    case 'background':
      return `background:${effect.backgroundId}`;
    case 'custom-background':
      return 'custom';
  }
}

/** The effect a key names; "custom" needs the picture, which only the picker holds. */
export function effectFromKey(key: string, customImage?: { image: Blob; name: string }): Effect {
  if (key === 'none') return NO_EFFECT;
  if (key === 'custom') {
    if (!customImage) throw new Error('The "custom" effect needs a picture.');
    return { kind: 'custom-background', ...customImage };
  }
  const [kind, value, ...rest] = key.split(':');
  if (rest.length === 0 && value !== undefined) {
    if (kind === 'blur' && (BLUR_STRENGTHS as readonly string[]).includes(value)) {
      return { kind: 'blur', strength: value as BlurStrength };
    }
    if (kind === 'background' && BACKGROUND_ID.test(value) && value.length <= 40) {
      return { kind: 'background', backgroundId: value };
    }
  }
  throw new Error(`Unknown effect key "${key}".`);
}

export function isEffectOn(effect: Effect): boolean {
  return effect.kind !== 'none';
}

/** The worker's drawing instructions, or null when nothing is to be drawn. */
export function renderEffectFor(effect: Effect): RenderEffect | null {
  switch (effect.kind) {
    case 'none':
      return null;
    case 'blur':
      return BLUR_SETTINGS[effect.strength];
    case 'background':
    case 'custom-background':
      return { kind: 'background' };
  }
}

export function describeEffect(effect: Effect): string {
  switch (effect.kind) {
    case 'none':
      return 'No effect';
    case 'blur':
      return effect.strength === 'light' ? 'Light blur' : 'Strong blur';
    case 'background':
      return `Background: ${effect.backgroundId.replace(/-/g, ' ')}`;
    case 'custom-background':
      return `Your picture: ${effect.name}`;
  }
}
