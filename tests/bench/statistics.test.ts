import { describe, expect, it } from 'vitest';
import { compareFigures, interleaveRounds, percentile, ratioOf, summarize } from '../../bench/statistics';

describe('summarize', () => {
  it('gives nearest-rank median and p95', () => {
    const samples = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(summarize(samples)).toEqual({ n: 20, median: 10, p95: 19, min: 1, max: 20 });
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('compareFigures', () => {
  it('puts ours over the reference for the median and the p95 of each figure', () => {
    const comparison = compareFigures({ joinMs: [100, 200, 300], fps: [30] }, { joinMs: [200, 400, 600], fps: [15] });
    expect(comparison.ours.joinMs!.median).toBe(200);
    expect(comparison.reference.joinMs!.median).toBe(400);
    expect(comparison.ratio).toEqual({ joinMs: { median: 0.5, p95: 0.5 }, fps: { median: 2, p95: 2 } });
  });

  it('gives no ratio where the reference has no figure or a zero', () => {
    const comparison = compareFigures({ onlyOurs: [1], zero: [1] }, { zero: [0] });
    expect(comparison.ratio).toEqual({ onlyOurs: { median: null, p95: null }, zero: { median: null, p95: null } });
    expect(ratioOf(1, Number.NaN)).toBeNull();
    expect(ratioOf(2, 3)).toBe(0.667);
  });
});

describe('interleaveRounds', () => {
  it('runs ours then the reference, round by round', async () => {
    const order: string[] = [];
    await interleaveRounds(3, {
      ours: async (round) => void order.push(`ours ${round}`),
      reference: async (round) => void order.push(`reference ${round}`),
    });
    expect(order).toEqual(['ours 0', 'reference 0', 'ours 1', 'reference 1', 'ours 2', 'reference 2']);
  });
});
