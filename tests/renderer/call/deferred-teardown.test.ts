import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferTeardown, runDeferredTeardownsSoon } from '../../../src/renderer/src/call/deferred-teardown';

describe('deferred teardown', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('releases what the last call left after 1.5 s when no new partner shows up', () => {
    const close = vi.fn();
    deferTeardown(close);
    vi.advanceTimersByTime(1_499);
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('releases it shortly after the next partner is on screen, and only once', () => {
    const [first, second] = [vi.fn(), vi.fn()];
    deferTeardown(first);
    deferTeardown(second);
    vi.advanceTimersByTime(300);
    runDeferredTeardownsSoon();
    expect(first).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    runDeferredTeardownsSoon();
    vi.advanceTimersByTime(5_000);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('leaves a teardown deferred after the first frame for its own turn', () => {
    const early = vi.fn();
    const late = vi.fn();
    deferTeardown(early);
    runDeferredTeardownsSoon();
    deferTeardown(late);
    vi.advanceTimersByTime(150);
    expect(early).toHaveBeenCalledTimes(1);
    expect(late).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_350);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
