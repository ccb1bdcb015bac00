import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeRetiredConnectionsSoon, retireConnection } from '../../../src/renderer/src/call/connection-retirement';

describe('connection retirement', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('closes a finished connection after 1.5 s when no new partner shows up', () => {
    const close = vi.fn();
    retireConnection(close);
    vi.advanceTimersByTime(1_499);
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('closes it shortly after the next partner is on screen, and only once', () => {
    const [first, second] = [vi.fn(), vi.fn()];
    retireConnection(first);
    retireConnection(second);
    vi.advanceTimersByTime(300);
    closeRetiredConnectionsSoon();
    expect(first).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    closeRetiredConnectionsSoon();
    vi.advanceTimersByTime(5_000);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('leaves a connection retired after the first frame for its own turn', () => {
    const early = vi.fn();
    const late = vi.fn();
    retireConnection(early);
    closeRetiredConnectionsSoon();
    retireConnection(late);
    vi.advanceTimersByTime(150);
    expect(early).toHaveBeenCalledTimes(1);
    expect(late).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_350);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
