/**
 * Turns a background choice into an ImageBitmap for the worker. Decoded
 * through an <img> (img-src allows the app's own files and blob: URLs, so
 * no fetch permission is needed), then transferred to the worker.
 */
import { findBackground } from './background-catalog';
import type { Effect } from './effect-model';

/** Pictures larger than this are scaled down first: the output is 640x480 or so. */
const MAX_SIDE = 1920;

async function decode(url: string): Promise<ImageBitmap> {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  try {
    await image.decode();
  } catch {
    throw new Error('That picture could not be read. Try a PNG, JPEG or WebP file.');
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
  return createImageBitmap(image, {
    resizeWidth: Math.max(1, Math.round(image.naturalWidth * scale)),
    resizeHeight: Math.max(1, Math.round(image.naturalHeight * scale)),
    resizeQuality: 'high',
  });
}

/** The picture an effect draws behind the person, or null for effects without one. */
export async function loadBackgroundImage(effect: Effect): Promise<ImageBitmap | null> {
  if (effect.kind === 'background') {
    const background = findBackground(effect.backgroundId);
    if (!background) throw new Error(`There is no background called "${effect.backgroundId}".`);
    return decode(background.url);
  }
  if (effect.kind === 'custom-background') {
    const url = URL.createObjectURL(effect.image);
    try {
      return await decode(url);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  return null;
}
