import { describe, expect, it } from 'vitest';
import { ClassificationBudget } from '../../../src/renderer/src/safety-filter/classification-budget';

describe('classification budget', () => {
  it('lets the first classification run at once, then earns its cost back at the core share', () => {
    const budget = new ClassificationBudget(0.25, 0);
    expect(budget.waitMs('regular', 0)).toBe(0);
    budget.begin(0);
    budget.end(100, 100);
    // In debt by 100 ms; a regular classification needs two classifications of credit (one is the reserve).
    expect(budget.waitMs('reserve', 100)).toBe(800);
    expect(budget.waitMs('regular', 100)).toBe(1200);
    expect(budget.waitMs('regular', 1300)).toBe(0);
  });

  it('keeps one classification in reserve for a new scene', () => {
    const budget = new ClassificationBudget(0.25, 0);
    budget.begin(0);
    budget.end(100, 100);
    budget.begin(1300);
    budget.end(100, 1400);
    // After a regular classification the reserve is still there: a scene change goes at once.
    expect(budget.waitMs('reserve', 1400)).toBe(0);
    // The 25 ms earned while it ran count: 100 ms of credit left, 200 needed.
    expect(budget.waitMs('regular', 1400)).toBe(300);
  });

  it('caps the credit, so a long quiet stretch never buys a burst', () => {
    const budget = new ClassificationBudget(0.25, 0);
    budget.begin(0);
    budget.end(100, 100);
    for (const at of [60_000, 60_100]) {
      budget.begin(at);
      budget.end(100, at + 100);
    }
    // A minute of quiet bought two classifications (200 ms); they earned 50 while running.
    expect(budget.waitMs('reserve', 60_200)).toBeCloseTo((100 - 50) / 0.25);
  });

  it('holds the share over time for any cost: busy <= share * elapsed + the credit cap', () => {
    for (const cost of [1, 37, 62.5, 83, 250, 999]) {
      const budget = new ClassificationBudget(0.2, 0);
      let now = 0;
      let busy = 0;
      for (let i = 0; i < 200; i += 1) {
        now += budget.waitMs(i % 3 === 0 ? 'reserve' : 'regular', now);
        budget.begin(now);
        now += cost;
        budget.end(cost, now);
        busy += cost;
      }
      expect(busy).toBeLessThanOrEqual(0.2 * now + 2 * cost + 1e-6);
    }
  });

  it('refuses nonsense', () => {
    const budget = new ClassificationBudget(0.25, 0);
    expect(() => budget.end(-1, 0)).toThrow(RangeError);
    expect(() => budget.end(Number.NaN, 0)).toThrow(RangeError);
    expect(() => new ClassificationBudget(0, 0)).toThrow(/maxCoreShare/);
  });
});
