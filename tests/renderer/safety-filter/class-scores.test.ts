import { describe, expect, it } from 'vitest';
import { explicitScore, scoresFromPredictions } from '../../../src/renderer/src/safety-filter/class-scores';

describe('class scores', () => {
  it('decides on Porn and Hentai only; Sexy alone is not explicit', () => {
    expect(explicitScore({ Drawing: 0, Hentai: 0.25, Neutral: 0.2, Porn: 0.5, Sexy: 0.05 })).toBeCloseTo(0.75);
    expect(explicitScore({ Drawing: 0, Hentai: 0, Neutral: 0.02, Porn: 0.01, Sexy: 0.97 })).toBeCloseTo(0.01);
  });

  it("reads nsfwjs's prediction list, filling classes it leaves out with 0", () => {
    expect(
      scoresFromPredictions([
        { className: 'Neutral', probability: 0.9 },
        { className: 'Sexy', probability: 0.1 },
      ]),
    ).toEqual({ Drawing: 0, Hentai: 0, Neutral: 0.9, Porn: 0, Sexy: 0.1 });
  });

  it('clamps float overshoot and refuses classes it does not know', () => {
    expect(scoresFromPredictions([{ className: 'Porn', probability: 1.0000001 }]).Porn).toBe(1);
    expect(() => scoresFromPredictions([{ className: 'Violence', probability: 0.5 }])).toThrow(/Unknown classifier class "Violence"/);
  });
});
