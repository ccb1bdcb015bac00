import { describe, expect, it } from 'vitest';
import type { ClassScores } from '../../../src/renderer/src/safety-filter/class-scores';
import { FilterDecision } from '../../../src/renderer/src/safety-filter/filter-decision';
import { DEFAULT_FILTER_SETTINGS as settings } from '../../../src/renderer/src/safety-filter/filter-settings';

/** Scores with the given explicit share split between Porn and Hentai; the rest is Neutral. */
function explicit(value: number, sexy = 0): ClassScores {
  return { Drawing: 0, Hentai: value / 2, Neutral: Math.max(0, 1 - value - sexy), Porn: value / 2, Sexy: sexy };
}
const SAFE = explicit(0.02);

/** A decision whose classifier has loaded and which has seen its first frame at t=0. */
function running(): FilterDecision {
  const decision = new FilterDecision(settings, 0);
  decision.classifierLoaded(0);
  decision.frameGrabbed(0);
  return decision;
}

/** Feeds results 300 ms apart, starting at `from`; returns the time after the last. */
function feed(decision: FilterDecision, scores: ClassScores[], from: number): number {
  let at = from;
  for (const frame of scores) {
    at += 300;
    decision.scored(frame, at);
  }
  return at;
}

describe('filter decision', () => {
  it('starts blurred and shows the video only after enough consecutive safe frames', () => {
    const decision = running();
    expect(decision.evaluate(0)).toEqual({ blurred: true, reason: 'checking' });
    let at = feed(decision, [SAFE, SAFE], 0);
    expect(decision.evaluate(at).reason).toBe('checking');
    at = feed(decision, [SAFE], at);
    expect(decision.evaluate(at)).toEqual({ blurred: false, reason: null });
  });

  it('does not count an uncertain frame (between safe and flagged) towards showing', () => {
    const decision = running();
    const at = feed(decision, [SAFE, SAFE, explicit(0.4), SAFE, SAFE], 0);
    expect(decision.evaluate(at).reason).toBe('checking');
    decision.scored(SAFE, at + 300);
    expect(decision.evaluate(at + 300).blurred).toBe(false);
  });

  it('ignores a high "Sexy" score: party clothes are not explicit', () => {
    const decision = running();
    const at = feed(decision, [explicit(0.01, 0.95), explicit(0.01, 0.97), explicit(0.02, 0.9)], 0);
    expect(decision.evaluate(at)).toEqual({ blurred: false, reason: null });
  });

  it('blurs at once on one frame at the instant threshold, and reports it as the flagged frame', () => {
    const decision = running();
    let at = feed(decision, [SAFE, SAFE, SAFE], 0);
    expect(decision.evaluate(at).blurred).toBe(false);
    at += 300;
    const outcome = decision.scored(explicit(settings.instantFlagAt), at);
    expect(outcome.flaggedNow).toBe(true);
    expect(decision.evaluate(at)).toEqual({ blurred: true, reason: 'explicit' });
  });

  it('blurs when the smoothed score reaches its threshold, though no single frame reaches the instant one', () => {
    const decision = running();
    let at = feed(decision, [SAFE, SAFE, SAFE], 0);
    const moderate = explicit(0.6);
    const flags: boolean[] = [];
    for (let frame = 0; frame < 3; frame += 1) {
      at += 300;
      flags.push(decision.scored(moderate, at).flaggedNow);
    }
    // Smoothed: 0.31, 0.455, 0.53 (weight 0.5).
    expect(flags).toEqual([false, false, true]);
    expect(decision.evaluate(at).reason).toBe('explicit');
  });

  it('keeps an explicit blur until the person chooses to see, however well the stranger behaves after', () => {
    const decision = running();
    let at = feed(decision, [SAFE, SAFE, SAFE, explicit(0.95)], 0);
    at = feed(
      decision,
      Array.from({ length: 20 }, () => SAFE),
      at,
    );
    expect(decision.evaluate(at).reason).toBe('explicit');
    decision.showAnyway();
    expect(decision.evaluate(at)).toEqual({ blurred: false, reason: null });
  });

  it('after "Show anyway", does not blur again in the same episode, but does in a new one', () => {
    const decision = running();
    let at = feed(decision, [SAFE, SAFE, SAFE, explicit(0.9)], 0);
    decision.showAnyway();
    // A steady false alarm: the same episode goes on, the person already chose.
    at = feed(decision, [explicit(0.8), explicit(0.85)], at);
    expect(decision.evaluate(at).blurred).toBe(false);
    // The score comes back to safe (episode over), then rises again.
    at = feed(decision, [SAFE, SAFE, SAFE, SAFE], at);
    expect(decision.evaluate(at).blurred).toBe(false);
    at += 300;
    expect(decision.scored(explicit(0.9), at).flaggedNow).toBe(true);
    expect(decision.evaluate(at).reason).toBe('explicit');
  });

  it('stays blurred as "unavailable" when the classifier cannot load, until the person chooses to see', () => {
    const decision = new FilterDecision(settings, 0);
    decision.classifierFailed();
    expect(decision.evaluate(10)).toEqual({ blurred: true, reason: 'unavailable' });
    decision.showAnyway();
    expect(decision.evaluate(20)).toEqual({ blurred: false, reason: null });
  });

  it('treats a classifier that takes too long to load as unavailable, and recovers when it arrives', () => {
    const decision = new FilterDecision(settings, 0);
    decision.frameGrabbed(100);
    expect(decision.evaluate(settings.loadTimeoutMs - 1).reason).toBe('checking');
    expect(decision.evaluate(settings.loadTimeoutMs).reason).toBe('unavailable');
    decision.classifierLoaded(settings.loadTimeoutMs + 500);
    expect(decision.evaluate(settings.loadTimeoutMs + 500).reason).toBe('checking');
  });

  it('blurs as "behind" when results stop coming, and needs fresh safe frames once they resume', () => {
    const decision = running();
    let at = feed(decision, [SAFE, SAFE, SAFE], 0);
    expect(decision.evaluate(at + settings.staleAfterMs).blurred).toBe(false);
    at += settings.staleAfterMs + 1;
    expect(decision.evaluate(at)).toEqual({ blurred: true, reason: 'behind' });
    at = feed(decision, [SAFE, SAFE], at);
    expect(decision.evaluate(at).reason).toBe('checking');
    at = feed(decision, [SAFE], at);
    expect(decision.evaluate(at).blurred).toBe(false);
  });

  it('does not call the filter behind before the video has any frame', () => {
    const decision = new FilterDecision(settings, 0);
    decision.classifierLoaded(0);
    expect(decision.evaluate(60_000).reason).toBe('checking');
  });

  it('gives up as "unavailable" after repeated classification failures; a success resets the count', () => {
    const decision = running();
    decision.classificationFailed();
    decision.classificationFailed();
    decision.scored(SAFE, 300);
    decision.classificationFailed();
    decision.classificationFailed();
    expect(decision.evaluate(600).reason).toBe('checking');
    decision.classificationFailed();
    expect(decision.evaluate(700).reason).toBe('unavailable');
  });

  it('lets "Show anyway" lift "behind" for this video, while an explicit flag still blurs', () => {
    const decision = running();
    let at = settings.staleAfterMs + 1;
    expect(decision.evaluate(at).reason).toBe('behind');
    decision.showAnyway();
    expect(decision.evaluate(at).blurred).toBe(false);
    at += 300;
    decision.scored(explicit(0.99), at);
    expect(decision.evaluate(at).reason).toBe('explicit');
  });
});
