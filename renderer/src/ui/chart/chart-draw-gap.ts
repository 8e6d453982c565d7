// When a live chart's next data draw may run. A chart draws at most once per
// gap: a sample after a quiet spell draws in the next frame, a flood redraws a
// chart at most every 500 ms to 2 s, not on every delta (a hundred charts at twenty
// deltas a second would fill the frame). A sample held by the gap draws when
// the gap ends. When more data comes while held, the series outruns the
// chart: it then draws with the first data after the gap, in the frame the
// wall's figures change in anyway, instead of on a timer in a frame of its
// own (each frame that changes costs a compositor commit); a timer a little
// after the gap catches the end of a burst.
//
// The gap follows the series' own samples, not the last draw: a series that
// samples slower than FAST_SAMPLE_MS keeps 500 ms, under half a 1 Hz period,
// so each sample draws on arrival and a late draw cannot hold the next one
// (a longer gap counted from the last draw let a 1 Hz chart's lag lock in at
// ~800 ms). A faster series has fresh data right after any gap, so it draws
// about once per pixel of its time axis: a wall tile's 5 minutes over 120 px
// every 2 s, a detail chart's minute over 1,000 px every 500 ms.
import type { Points } from '../../../../shared/api/series';

/** Least time between two data draws of a chart: the gap of a series that samples slower than FAST_SAMPLE_MS. */
export const MIN_DRAW_GAP_MS = 500;
/** The longest gap a fast series' pixels can ask for. */
export const MAX_DRAW_GAP_MS = 2_000;
/** Sample spacing below which a series is fast: over 4 Hz. */
export const FAST_SAMPLE_MS = 250;
/** How long after the gap a chart that outran it draws when no more data comes. */
export const LATE_DRAW_MS = 100;

/** Whether the series' two newest samples are closer than FAST_SAMPLE_MS. */
export function samplesFast(points: Points | undefined): boolean {
  const n = points?.t.length ?? 0;
  if (!points || n < 2) return false;
  return (points.t[n - 1] as number) - (points.t[n - 2] as number) < FAST_SAMPLE_MS;
}

/**
 * The gap for a chart `widthPx` wide spanning `spanMs`: MIN_DRAW_GAP_MS, or
 * for a fast series the time one pixel spans, up to MAX_DRAW_GAP_MS.
 */
export function drawGapMs(points: Points | undefined, spanMs: number, widthPx: number): number {
  if (!samplesFast(points) || widthPx <= 0) return MIN_DRAW_GAP_MS;
  return Math.min(MAX_DRAW_GAP_MS, Math.max(MIN_DRAW_GAP_MS, spanMs / widthPx));
}

export class DrawGap {
  private drawnAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private outran = false;

  constructor(private readonly draw: () => void) {}

  /** New data or markers: draw now, when the gap ends, or with data after it. */
  changed(gapMs = MIN_DRAW_GAP_MS): void {
    const wait = this.drawnAt + gapMs - performance.now();
    if (wait <= 0) {
      this.cancel();
      return this.draw();
    }
    if (this.timer === undefined) return this.wake(wait);
    if (this.outran) return;
    this.outran = true;
    clearTimeout(this.timer);
    this.wake(wait + LATE_DRAW_MS);
  }

  /** The chart drew its data: the gap starts now. */
  drawn(): void {
    this.drawnAt = performance.now();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.outran = false;
  }

  private wake(afterMs: number): void {
    this.timer = setTimeout(() => {
      this.cancel();
      this.draw();
    }, afterMs);
  }
}
