/**
 * What the worker needs to draw one effect: plain numbers, no UI words.
 * Derived from the person's choice by the effect model.
 */
export type RenderEffect =
  | {
      kind: 'blur';
      /** The background is blurred at 1/downscale of the frame size, then scaled back up. */
      downscale: number;
      /** Gaussian radius, in pixels of the downscaled picture. */
      blurPx: number;
    }
  | { kind: 'background' };
