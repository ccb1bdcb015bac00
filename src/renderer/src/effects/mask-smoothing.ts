/**
 * Mask clean-up between the model and the compositor, in plain arithmetic
 * so it runs in the worker and in unit tests alike.
 *
 * - Temporal smoothing: each pixel follows the new mask slowly while the
 *   change is small (flicker along hair and shoulders) and quickly while it
 *   is large (a real movement), so edges stay calm without lagging.
 * - Feathering: a separable box blur softens the edge, then a smoothstep
 *   keeps the inside solid and the outside clear, leaving a soft band.
 */

export interface TemporalSmoothing {
  /** Share of the new value taken when the pixel barely changed (0..1). */
  slowRate: number;
  /** Share taken when it changed by `fastAbove` or more. */
  fastRate: number;
  /** Changes up to this are treated as flicker. */
  flickerBelow: number;
  /** Changes from this on are treated as movement. */
  fastAbove: number;
}

export const DEFAULT_TEMPORAL_SMOOTHING: TemporalSmoothing = {
  slowRate: 0.3,
  fastRate: 0.85,
  flickerBelow: 0.1,
  fastAbove: 0.45,
};

/** A smoothstep between two edges, checked once: the per-pixel loops call the returned function. */
export function smoothstepBetween(edge0: number, edge1: number): (value: number) => number {
  if (edge1 <= edge0) throw new RangeError(`smoothstep needs edge0 < edge1, got ${edge0} and ${edge1}`);
  const inverseBand = 1 / (edge1 - edge0);
  return (value) => {
    const t = Math.min(1, Math.max(0, (value - edge0) * inverseBand));
    return t * t * (3 - 2 * t);
  };
}

export function smoothstep(edge0: number, edge1: number, value: number): number {
  return smoothstepBetween(edge0, edge1)(value);
}

/** How much of the new value a pixel takes, given how far it moved (prepared once per mask). */
export function followRateFor(settings: TemporalSmoothing = DEFAULT_TEMPORAL_SMOOTHING): (change: number) => number {
  const movement = smoothstepBetween(settings.flickerBelow, settings.fastAbove);
  const rateSpan = settings.fastRate - settings.slowRate;
  return (change) => settings.slowRate + rateSpan * movement(Math.abs(change));
}

export function followRate(change: number, settings: TemporalSmoothing = DEFAULT_TEMPORAL_SMOOTHING): number {
  return followRateFor(settings)(change);
}

/**
 * Blends `next` into `state` in place. A state that has not seen a mask yet
 * (`primed` false) simply takes the new mask.
 */
export function smoothTemporally(
  state: Float32Array,
  next: Float32Array,
  primed: boolean,
  settings: TemporalSmoothing = DEFAULT_TEMPORAL_SMOOTHING,
): void {
  if (state.length !== next.length) {
    throw new RangeError(`mask sizes differ: ${state.length} and ${next.length}`);
  }
  if (!primed) {
    state.set(next);
    return;
  }
  const rate = followRateFor(settings);
  for (let i = 0; i < state.length; i += 1) {
    const previous = state[i]!;
    const change = next[i]! - previous;
    state[i] = previous + change * rate(change);
  }
}

/** The running column sums of boxBlur, kept between frames. */
let columnSums = new Float64Array(0);

/** One pass of a box blur of half-width `radius` along rows, then along columns. */
function boxBlur(source: Float32Array, target: Float32Array, scratch: Float32Array, width: number, height: number, radius: number): void {
  const span = 2 * radius + 1;
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    let sum = 0;
    // Edge pixels repeat outwards, so the border does not fade.
    for (let k = -radius; k <= radius; k += 1) sum += source[row + Math.min(width - 1, Math.max(0, k))]!;
    for (let x = 0; x < width; x += 1) {
      scratch[row + x] = sum / span;
      const leaving = source[row + Math.max(0, x - radius)]!;
      const entering = source[row + Math.min(width - 1, x + radius + 1)]!;
      sum += entering - leaving;
    }
  }
  // Columns walked row by row (one running sum per column), so memory is read in order.
  if (columnSums.length < width) columnSums = new Float64Array(width);
  const sums = columnSums;
  sums.fill(0, 0, width);
  for (let k = -radius; k <= radius; k += 1) {
    const row = Math.min(height - 1, Math.max(0, k)) * width;
    for (let x = 0; x < width; x += 1) sums[x]! += scratch[row + x]!;
  }
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    const leavingRow = Math.max(0, y - radius) * width;
    const enteringRow = Math.min(height - 1, y + radius + 1) * width;
    for (let x = 0; x < width; x += 1) {
      target[row + x] = sums[x]! / span;
      sums[x]! += scratch[enteringRow + x]! - scratch[leavingRow + x]!;
    }
  }
}

export interface FeatherSettings {
  /** Box blur half-width in mask pixels; 0 turns the blur off. */
  radius: number;
  /** After the blur, values below `low` become 0 and above `high` become 1. */
  low: number;
  high: number;
}

export const DEFAULT_FEATHER: FeatherSettings = { radius: 2, low: 0.25, high: 0.75 };

/**
 * Writes a feathered copy of `mask` into `target`. `scratch` must be as
 * long as the mask; passing buffers in keeps the per-frame work allocation-free.
 */
export function featherMask(
  mask: Float32Array,
  target: Float32Array,
  scratch: Float32Array,
  width: number,
  height: number,
  settings: FeatherSettings = DEFAULT_FEATHER,
): void {
  const size = width * height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`mask size must be positive whole numbers, got ${width}x${height}`);
  }
  if (mask.length !== size || target.length !== size || scratch.length !== size) {
    throw new RangeError(`mask buffers must hold ${size} values`);
  }
  if (settings.radius > 0) boxBlur(mask, target, scratch, width, height, settings.radius);
  else target.set(mask);
  const ramp = smoothstepBetween(settings.low, settings.high);
  for (let i = 0; i < size; i += 1) target[i] = ramp(target[i]!);
}

/** Writes the mask as the alpha channel of an RGBA buffer (colour left white). */
export function writeMaskAlpha(mask: Float32Array, rgba: Uint8ClampedArray): void {
  if (rgba.length !== mask.length * 4) throw new RangeError('the RGBA buffer must have 4 bytes per mask value');
  for (let i = 0, j = 0; i < mask.length; i += 1, j += 4) {
    rgba[j] = 255;
    rgba[j + 1] = 255;
    rgba[j + 2] = 255;
    rgba[j + 3] = mask[i]! * 255;
  }
}
