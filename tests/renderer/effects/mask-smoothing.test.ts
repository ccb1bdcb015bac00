import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEATHER,
  featherMask,
  followRate,
  smoothTemporally,
  smoothstep,
  writeMaskAlpha,
} from '../../../src/renderer/src/effects/mask-smoothing';

describe('temporal smoothing', () => {
  it('takes the first mask as it is', () => {
    const state = new Float32Array(3);
    smoothTemporally(state, Float32Array.from([0, 0.5, 1]), false);
    expect(Array.from(state)).toEqual([0, 0.5, 1]);
  });

  it('calms flicker: a pixel alternating 0.4/0.6 swings far less than 0.2', () => {
    const state = Float32Array.from([0.5]);
    const seen: number[] = [];
    for (let frame = 0; frame < 40; frame += 1) {
      smoothTemporally(state, Float32Array.from([frame % 2 ? 0.6 : 0.4]), true);
      if (frame >= 20) seen.push(state[0]!);
    }
    const swing = Math.max(...seen) - Math.min(...seen);
    expect(swing).toBeLessThan(0.1);
    expect(Math.abs(seen.reduce((a, b) => a + b) / seen.length - 0.5)).toBeLessThan(0.05);
  });

  it('follows a real movement within three frames', () => {
    const state = Float32Array.from([0]);
    for (let frame = 0; frame < 3; frame += 1) smoothTemporally(state, Float32Array.from([1]), true);
    expect(state[0]).toBeGreaterThan(0.9);
  });

  it('follows large changes faster than small ones', () => {
    expect(followRate(0.05)).toBeLessThan(followRate(0.3));
    expect(followRate(0.3)).toBeLessThan(followRate(0.9));
    expect(followRate(-0.9)).toBe(followRate(0.9));
  });

  it('refuses masks of different sizes', () => {
    expect(() => smoothTemporally(new Float32Array(4), new Float32Array(5), true)).toThrow(/sizes differ/);
  });
});

describe('feathering', () => {
  const width = 20;
  const height = 6;
  const hardEdge = (): Float32Array => {
    const mask = new Float32Array(width * height);
    for (let y = 0; y < height; y += 1) for (let x = 10; x < width; x += 1) mask[y * width + x] = 1;
    return mask;
  };

  it('turns a hard edge into a short ramp and keeps the inside solid and the outside clear', () => {
    const target = new Float32Array(width * height);
    featherMask(hardEdge(), target, new Float32Array(width * height), width, height);
    const row = Array.from(target.slice(2 * width, 3 * width));
    expect(row[0]).toBe(0);
    expect(row[6]).toBe(0);
    expect(row[13]).toBe(1);
    expect(row[19]).toBe(1);
    const ramp = row.filter((value) => value > 0 && value < 1);
    expect(ramp.length).toBeGreaterThan(0);
    expect(ramp.length).toBeLessThanOrEqual(2 * DEFAULT_FEATHER.radius + 1);
    for (let x = 1; x < width; x += 1) expect(row[x]!).toBeGreaterThanOrEqual(row[x - 1]!);
  });

  it('keeps the border: a full mask stays full up to the edges', () => {
    const target = new Float32Array(width * height);
    featherMask(new Float32Array(width * height).fill(1), target, new Float32Array(width * height), width, height);
    expect(Math.min(...target)).toBe(1);
  });

  it('removes isolated specks', () => {
    const mask = new Float32Array(width * height);
    mask[3 * width + 5] = 1;
    const target = new Float32Array(width * height);
    featherMask(mask, target, new Float32Array(width * height), width, height);
    expect(Math.max(...target)).toBe(0);
  });

  it('rejects wrong buffer sizes and sizes', () => {
    expect(() => featherMask(new Float32Array(4), new Float32Array(4), new Float32Array(3), 2, 2)).toThrow(/hold 4/);
    expect(() => featherMask(new Float32Array(0), new Float32Array(0), new Float32Array(0), 0, 0)).toThrow(/positive/);
  });
});

describe('mask helpers', () => {
  it('smoothstep is 0 below, 1 above and 0.5 halfway', () => {
    expect(smoothstep(0.2, 0.8, 0)).toBe(0);
    expect(smoothstep(0.2, 0.8, 1)).toBe(1);
    expect(smoothstep(0.2, 0.8, 0.5)).toBeCloseTo(0.5);
    expect(() => smoothstep(1, 1, 0.5)).toThrow(RangeError);
  });

  it('writes the mask as alpha', () => {
    const rgba = new Uint8ClampedArray(8);
    writeMaskAlpha(Float32Array.from([0, 1]), rgba);
    expect(Array.from(rgba)).toEqual([255, 255, 255, 0, 255, 255, 255, 255]);
    expect(() => writeMaskAlpha(Float32Array.from([0]), new Uint8ClampedArray(3))).toThrow(RangeError);
  });
});
