import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DrawGap, LATE_DRAW_MS, MIN_DRAW_GAP_MS } from './chart-draw-gap';

describe('DrawGap: when a chart draws its data', () => {
  let draws = 0;
  let gap: DrawGap;
  const draw = () => {
    draws += 1;
    gap.drawn();
  };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    draws = 0;
    gap = new DrawGap(draw);
  });
  afterEach(() => {
    gap.cancel();
    vi.useRealTimers();
  });

  it('draws at once after a quiet spell', () => {
    gap.changed();
    expect(draws).toBe(1);
    vi.advanceTimersByTime(MIN_DRAW_GAP_MS);
    gap.changed();
    expect(draws).toBe(2);
  });

  it('draws a sample held by the gap when the gap ends, not later (a 2 Hz series keeps pace)', () => {
    gap.changed();
    vi.advanceTimersByTime(490);
    gap.changed();
    expect(draws).toBe(1);
    vi.advanceTimersByTime(10);
    expect(draws).toBe(2);
  });

  it('draws a series that outruns the gap with the first data after it, not on a timer', () => {
    gap.changed();
    for (let at = 50; at < MIN_DRAW_GAP_MS; at += 50) {
      vi.advanceTimersByTime(50);
      gap.changed();
    }
    // The gap ends at 500; the next data comes at 520 and draws it.
    vi.advanceTimersByTime(520 - 450);
    expect(draws).toBe(1);
    gap.changed();
    expect(draws).toBe(2);
    // No timer is left to draw it again.
    vi.advanceTimersByTime(MIN_DRAW_GAP_MS + LATE_DRAW_MS);
    expect(draws).toBe(2);
  });

  it('draws the end of a burst a little after the gap when no more data comes', () => {
    gap.changed();
    vi.advanceTimersByTime(100);
    gap.changed();
    gap.changed();
    vi.advanceTimersByTime(MIN_DRAW_GAP_MS - 100 + LATE_DRAW_MS - 1);
    expect(draws).toBe(1);
    vi.advanceTimersByTime(1);
    expect(draws).toBe(2);
  });

  it('draws nothing after it is cancelled', () => {
    gap.changed();
    gap.changed();
    gap.cancel();
    vi.advanceTimersByTime(10 * MIN_DRAW_GAP_MS);
    expect(draws).toBe(1);
  });
});
