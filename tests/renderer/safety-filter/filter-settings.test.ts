import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER_SETTINGS, resolveFilterSettings } from '../../../src/renderer/src/safety-filter/filter-settings';

describe('filter settings', () => {
  it('keeps the defaults ordered (safe < smoothed flag <= instant flag) and within a quarter of a core', () => {
    expect(DEFAULT_FILTER_SETTINGS.safeBelow).toBeLessThan(DEFAULT_FILTER_SETTINGS.smoothedFlagAt);
    expect(DEFAULT_FILTER_SETTINGS.smoothedFlagAt).toBeLessThanOrEqual(DEFAULT_FILTER_SETTINGS.instantFlagAt);
    expect(DEFAULT_FILTER_SETTINGS.maxCoreShare).toBeLessThanOrEqual(0.25);
  });

  it('overrides single values and rejects inconsistent ones with a clear message', () => {
    expect(resolveFilterSettings({ safeFramesToReveal: 5 }).safeFramesToReveal).toBe(5);
    expect(() => resolveFilterSettings({ safeBelow: 0.8 })).toThrow(/safeBelow must not exceed smoothedFlagAt/);
    expect(() => resolveFilterSettings({ maxCoreShare: 1.5 })).toThrow();
  });
});
