/**
 * Turns the engine's raw masks into the compositor's alpha: each mask is
 * blended with the ones before it (no flicker) and its edge feathered. The
 * buffers are allocated once per engine, so the per-frame work allocates nothing.
 */
import { featherMask, smoothTemporally, writeMaskAlpha } from '../mask-smoothing';

export class MaskRefiner {
  private readonly smoothed: Float32Array;
  private readonly feathered: Float32Array;
  private readonly scratch: Float32Array;
  private primed = false;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    const size = width * height;
    this.smoothed = new Float32Array(size);
    this.feathered = new Float32Array(size);
    this.scratch = new Float32Array(size);
  }

  /** Refines `mask` (the engine's input size) and writes it as the alpha of `rgba`. */
  refine(mask: Float32Array, rgba: Uint8ClampedArray): void {
    smoothTemporally(this.smoothed, mask, this.primed);
    this.primed = true;
    featherMask(this.smoothed, this.feathered, this.scratch, this.width, this.height);
    writeMaskAlpha(this.feathered, rgba);
  }
}
