import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../../server/accounts/sliding-window-limiter';

describe('SlidingWindowLimiter', () => {
  it('lets a key through until its limit, then says how long to wait', () => {
    let time = 0;
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 60_000 }, () => time);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(limiter.retryAfterMs('k')).toBe(0);
      limiter.record('k');
      time += 1_000;
    }
    // Events at 0, 1 s and 2 s; now 3 s: the first leaves the window at 60 s.
    expect(limiter.retryAfterMs('k')).toBe(57_000);
    expect(limiter.retryAfterMs('other')).toBe(0);
    time = 60_000;
    expect(limiter.retryAfterMs('k')).toBe(0);
  });

  it('slides: old events stop counting one by one', () => {
    let time = 0;
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 10_000 }, () => time);
    limiter.record('k');
    time = 5_000;
    limiter.record('k');
    time = 9_000;
    expect(limiter.retryAfterMs('k')).toBe(1_000);
    time = 10_001;
    expect(limiter.retryAfterMs('k')).toBe(0);
    limiter.record('k');
    expect(limiter.retryAfterMs('k')).toBe(4_999);
  });

  it('forgets a key on reset', () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 10_000 }, () => 0);
    limiter.record('k');
    expect(limiter.retryAfterMs('k')).toBeGreaterThan(0);
    limiter.reset('k');
    expect(limiter.retryAfterMs('k')).toBe(0);
  });

  it('keeps at most maxKeys keys, dropping expired ones first', () => {
    let time = 0;
    const limiter = new SlidingWindowLimiter({ limit: 5, windowMs: 1_000 }, () => time, 100);
    for (let index = 0; index < 100; index += 1) limiter.record(`old-${index}`);
    time = 2_000;
    for (let index = 0; index < 250; index += 1) limiter.record(`new-${index}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    // The newest keys are the ones kept.
    limiter.record('new-249');
    expect(limiter.size).toBeLessThanOrEqual(100);
  });

  it('refuses a rule that could never allow anything', () => {
    expect(() => new SlidingWindowLimiter({ limit: 0, windowMs: 1_000 })).toThrow();
  });
});
