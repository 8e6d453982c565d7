import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DrawGap,
  LATE_DRAW_MS,
  MAX_DRAW_GAP_MS,
  MIN_DRAW_GAP_MS,
  drawGapMs,
  samplesFast,
} from './chart-draw-gap';

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

  it('draws a series at most once per gap given, each time with the first data after it', () => {
    const drawnAt: number[] = [];
    gap = new DrawGap(() => {
      drawnAt.push(performance.now());
      gap.drawn();
    });
    const start = performance.now();
    for (let at = 0; at <= 2_500; at += 50) {
      gap.changed(1_000);
      vi.advanceTimersByTime(50);
    }
    expect(drawnAt.map((t) => t - start)).toEqual([0, 1_000, 2_000]);
  });

  it('draws each sample of a 1 Hz series on arrival, however late the one before was drawn', () => {
    const drawnAt: number[] = [];
    gap = new DrawGap(() => {
      drawnAt.push(performance.now());
      gap.drawn();
    });
    vi.advanceTimersByTime(300);
    for (let sample = 0; sample < 5; sample += 1) {
      gap.changed();
      vi.advanceTimersByTime(1_000);
    }
    expect(drawnAt).toEqual([300, 1_300, 2_300, 3_300, 4_300]);
  });

  it('draws nothing after it is cancelled', () => {
    gap.changed();
    gap.changed();
    gap.cancel();
    vi.advanceTimersByTime(10 * MIN_DRAW_GAP_MS);
    expect(draws).toBe(1);
  });
});

describe('samplesFast: a series that samples over 4 Hz', () => {
  const points = (t: number[]) => ({ t, v: t.map(() => 1) });

  it('is fast when its two newest samples are closer than 250 ms', () => {
    expect(samplesFast(points([0, 10, 20]))).toBe(true);
    expect(samplesFast(points([0, 249]))).toBe(true);
  });

  it('is not fast at 1 Hz, at 4 Hz, with fewer than two samples, or once a burst is over', () => {
    expect(samplesFast(points([0, 1_000, 2_000]))).toBe(false);
    expect(samplesFast(points([0, 250]))).toBe(false);
    expect(samplesFast(points([5]))).toBe(false);
    expect(samplesFast(undefined)).toBe(false);
    expect(samplesFast(points([0, 10, 20, 1_020]))).toBe(false);
  });
});

describe('drawGapMs: a fast series draws about once per pixel of its time axis', () => {
  const fast = { t: [0, 10], v: [1, 1] };
  const slow = { t: [0, 1_000], v: [1, 1] };

  it("gives a wall tile's 5 minutes over 120 px its 2 s ceiling, and 1.2 s over 250 px", () => {
    expect(drawGapMs(fast, 5 * 60_000, 120)).toBe(MAX_DRAW_GAP_MS);
    expect(drawGapMs(fast, 5 * 60_000, 250)).toBe(1_200);
  });

  it("keeps the 500 ms floor for a detail chart's minute over 1,000 px", () => {
    expect(drawGapMs(fast, 60_000, 1_000)).toBe(MIN_DRAW_GAP_MS);
  });

  it('keeps 500 ms for a slow series whatever its chart, and for a chart not yet measured', () => {
    expect(drawGapMs(slow, 5 * 60_000, 120)).toBe(MIN_DRAW_GAP_MS);
    expect(drawGapMs(fast, 5 * 60_000, 0)).toBe(MIN_DRAW_GAP_MS);
  });
});
