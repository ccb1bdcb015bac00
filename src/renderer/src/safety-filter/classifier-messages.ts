/**
 * The messages between the page and the classifier worker, checked on
 * arrival on both sides.
 */
import { z } from 'zod';
import { classScoresSchema } from './class-scores';

const imageBitmapSchema = z.custom<ImageBitmap>(
  (value) => typeof ImageBitmap !== 'undefined' && value instanceof ImageBitmap,
  'Expected an ImageBitmap',
);

export const toClassifierSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('load') }),
  z.strictObject({ kind: z.literal('classify'), id: z.number().int().nonnegative(), frame: imageBitmapSchema }),
]);
export type ToClassifier = z.infer<typeof toClassifierSchema>;

export const fromClassifierSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('loaded'),
    /** Worker start to model ready, including the warm-up prediction. */
    loadMs: z.number().nonnegative(),
    backend: z.string(),
    simd: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('load-failed'), message: z.string() }),
  z.strictObject({
    kind: z.literal('classified'),
    id: z.number().int().nonnegative(),
    scores: classScoresSchema,
    /** Model time inside the worker, without messaging. */
    inferenceMs: z.number().nonnegative(),
    frame: imageBitmapSchema,
  }),
  z.strictObject({ kind: z.literal('classify-failed'), id: z.number().int().nonnegative(), message: z.string() }),
]);
export type FromClassifier = z.infer<typeof fromClassifierSchema>;
