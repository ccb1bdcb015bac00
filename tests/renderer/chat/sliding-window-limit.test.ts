import { describe, expect, it } from 'vitest';
import { SlidingWindowLimit } from '../../../src/renderer/src/chat/sliding-window-limit';

describe('SlidingWindowLimit', () => {
  it('allows max events per window and frees a slot as the oldest ages out', () => {
    let now = 0;
    const limit = new SlidingWindowLimit(3, 1000, () => now);
    expect([limit.tryTake(), limit.tryTake(), limit.tryTake(), limit.tryTake()]).toEqual([true, true, true, false]);
    expect(limit.waitMs()).toBe(1000);
    now = 999;
    expect(limit.tryTake()).toBe(false);
    expect(limit.waitMs()).toBe(1);
    now = 1000; // all three events of t=0 have aged out together
    expect([limit.tryTake(), limit.tryTake(), limit.tryTake(), limit.tryTake()]).toEqual([true, true, true, false]);
    now = 1500;
    expect(limit.tryTake()).toBe(false);
  });
});
