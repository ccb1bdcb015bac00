/**
 * The video effect a person's settings can keep: none, blur, or one of the
 * shipped backgrounds (a picture from disk lives only for the session).
 */
import { z } from 'zod';

export const BLUR_STRENGTHS = ['light', 'strong'] as const;

/** Lower-case words and dashes: the file names under resources/backgrounds. */
export const BACKGROUND_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const noEffectSchema = z.object({ kind: z.literal('none') });
export const blurEffectSchema = z.object({ kind: z.literal('blur'), strength: z.enum(BLUR_STRENGTHS) });
export const backgroundEffectSchema = z.object({ kind: z.literal('background'), backgroundId: z.string().max(40).regex(BACKGROUND_ID) });

export const storedVideoEffectSchema = z.discriminatedUnion('kind', [noEffectSchema, blurEffectSchema, backgroundEffectSchema]);
export type StoredVideoEffect = z.infer<typeof storedVideoEffectSchema>;
