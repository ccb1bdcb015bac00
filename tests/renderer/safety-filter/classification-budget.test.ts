import { describe, expect, it } from 'vitest';
import { ClassificationBudget } from '../../../src/renderer/src/safety-filter/classification-budget';

describe('classification budget', () => {
  it('starts full, so a new video is checked twice at once, then earns each cost back at the core share', () => {
    const budget = new ClassificationBudget(0.25, 0);
    expect(budget.waitMs('regular', 0)).toBe(0);
    budget.begin(0);
    budget.end(100, 100);
    expect(budget.waitMs('regular', 100)).toBe(0);
    budget.begin(100);
    budget.end(100, 200);
    // 200 of credit, less 100 spent, plus 25 earned while it ran: a reserve, not yet a regular one.
    expect(budget.waitMs('reserve', 200)).toBe(0);
    expect(budget.waitMs('regular', 200)).toBe((200 - 125) / 0.25);
  });

  it('keeps one classification in reserve for a new scene, and repays a reserve one before the next', () => {
    const budget = new ClassificationBudget(0.25, 0);
    budget.begin(0);
    budget.end(100, 100);
    budget.begin(100);
    budget.end(100, 200);
    budget.begin(200);
    budget.end(100, 300);
    // 125 - 100 + 25 = 50 left: even a new scene waits until 100 are earned back.
    expect(budget.waitMs('reserve', 300)).toBe((100 - 50) / 0.25);
    expect(budget.waitMs('regular', 300)).toBe((200 - 50) / 0.25);
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
      expect(busy).toBeLessThanOrEqual(0.2 * now + 3 * cost + 1e-6);
    }
  });

  it('refuses nonsense', () => {
    const budget = new ClassificationBudget(0.25, 0);
    expect(() => budget.end(-1, 0)).toThrow(RangeError);
    expect(() => budget.end(Number.NaN, 0)).toThrow(RangeError);
    expect(() => new ClassificationBudget(0, 0)).toThrow(/maxCoreShare/);
  });
});
