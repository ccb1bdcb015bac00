/**
 * Has the picture changed enough since the last classified frame to classify
 * again at once? Compared on a tiny luminance thumbnail: cheap enough to run
 * many times a second on the page, and blind to what a new scene shows (the
 * classifier decides that). A person talking moves a few cells; someone
 * stepping into view, a turned camera or a new picture moves many.
 */
export const SCENE_THUMBNAIL_WIDTH = 32;
export const SCENE_THUMBNAIL_HEIGHT = 24;
/** A cell counts as changed when its luminance moved by this much (0-255): above sensor noise and compression. */
const CELL_CHANGE = 24;
/**
 * This share of the cells changed: a new scene. Chromium's fake camera (a
 * turning disc and a clock, like a person talking) changes 3 to 13% between
 * classifications; a new picture or someone stepping in changes far more. A
 * false alarm only costs one classification from the budget.
 */
export const SCENE_CHANGE_SHARE = 0.25;

/** Rec. 601 luma of each pixel of an RGBA picture, one byte per pixel. */
export function lumaOf(rgba: Uint8ClampedArray): Uint8Array {
  if (rgba.length % 4 !== 0) throw new RangeError(`RGBA data has a multiple of 4 bytes, got ${rgba.length}`);
  const luma = new Uint8Array(rgba.length / 4);
  for (let i = 0, j = 0; i < luma.length; i += 1, j += 4) {
    luma[i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
  }
  return luma;
}

/** The share (0-1) of cells whose luminance changed noticeably. */
export function changedShare(reference: Uint8Array, current: Uint8Array): number {
  if (reference.length !== current.length || reference.length === 0) {
    throw new RangeError(`Thumbnails must have the same, non-zero size (got ${reference.length} and ${current.length})`);
  }
  let changed = 0;
  for (let i = 0; i < reference.length; i += 1) if (Math.abs(reference[i]! - current[i]!) >= CELL_CHANGE) changed += 1;
  return changed / reference.length;
}

export function isSceneChange(reference: Uint8Array, current: Uint8Array): boolean {
  return changedShare(reference, current) >= SCENE_CHANGE_SHARE;
}
