import { describe, expect, it } from 'vitest';
import { delayAfterClassification } from '../../../src/renderer/src/safety-filter/classification-budget';

const budget = { maxCoreShare: 0.25, minIntervalMs: 250 };

describe('classification budget', () => {
  it('idles three times as long as a classification took, for a quarter of a core', () => {
    expect(delayAfterClassification(100, budget)).toBe(300);
    expect(delayAfterClassification(400, budget)).toBe(1200);
  });

  it('keeps the minimum interval when classifications are quick', () => {
    expect(delayAfterClassification(20, budget)).toBe(230);
    expect(delayAfterClassification(0, budget)).toBe(250);
  });

  it('holds the share for any duration: busy / (busy + idle) <= share', () => {
    for (const duration of [1, 37, 62.5, 83, 250, 999]) {
      const share = duration / (duration + delayAfterClassification(duration, budget));
      expect(share).toBeLessThanOrEqual(0.25 + 1e-12);
    }
  });

  it('refuses nonsense', () => {
    expect(() => delayAfterClassification(-1, budget)).toThrow(RangeError);
    expect(() => delayAfterClassification(Number.NaN, budget)).toThrow(RangeError);
    expect(() => delayAfterClassification(10, { maxCoreShare: 0, minIntervalMs: 0 })).toThrow(/maxCoreShare/);
  });
});
