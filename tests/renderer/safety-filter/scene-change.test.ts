import { describe, expect, it } from 'vitest';
import {
  SCENE_CHANGE_SHARE,
  SCENE_THUMBNAIL_HEIGHT,
  SCENE_THUMBNAIL_WIDTH,
  changedShare,
  isSceneChange,
  lumaOf,
} from '../../../src/renderer/src/safety-filter/scene-change';

const CELLS = SCENE_THUMBNAIL_WIDTH * SCENE_THUMBNAIL_HEIGHT;

function picture(paint: (index: number) => [number, number, number]): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(CELLS * 4);
  for (let i = 0; i < CELLS; i += 1) {
    const [r, g, b] = paint(i);
    rgba.set([r, g, b, 255], i * 4);
  }
  return rgba;
}

/** A deterministic, textured picture: a stand-in for a face in a room. */
const room = (i: number): [number, number, number] => [(i * 37) % 200, (i * 11) % 180, (i * 5) % 160];

describe('scene change', () => {
  it('computes luma with the Rec. 601 weights', () => {
    expect([...lumaOf(new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]))]).toEqual([255, 0, 76]);
  });

  it('ignores sensor noise and a small movement', () => {
    const reference = lumaOf(picture(room));
    const noisy = lumaOf(picture((i) => room(i).map((value, channel) => value + ((i + channel) % 5) * 3) as [number, number, number]));
    expect(changedShare(reference, noisy)).toBe(0);
    // A head turning: 15% of the picture changes completely.
    const moved = lumaOf(picture((i) => (i < CELLS * 0.15 ? [255, 255, 255] : room(i))));
    expect(isSceneChange(reference, moved)).toBe(false);
  });

  it('sees a new scene: someone stepping in, or a different picture', () => {
    const reference = lumaOf(picture(room));
    const steppedIn = lumaOf(picture((i) => (i % SCENE_THUMBNAIL_WIDTH > 20 ? [250, 220, 200] : room(i))));
    expect(changedShare(reference, steppedIn)).toBeGreaterThanOrEqual(SCENE_CHANGE_SHARE);
    expect(isSceneChange(reference, steppedIn)).toBe(true);
    expect(isSceneChange(reference, lumaOf(picture(() => [0, 0, 0])))).toBe(true);
  });

  it('refuses thumbnails that cannot be compared', () => {
    expect(() => changedShare(new Uint8Array(4), new Uint8Array(5))).toThrow(/same, non-zero size/);
    expect(() => lumaOf(new Uint8ClampedArray(3))).toThrow(/multiple of 4/);
  });
});
