// When a live chart's next data draw may run. A chart draws at most once per
// gap: a sample after a quiet spell draws in the next frame, a flood redraws a
// chart twice a second, not on every delta (a hundred charts at twenty deltas
// a second would fill the frame). A sample held by the gap draws when the gap
// ends. When more data comes while held, the series outruns the chart: it
// then draws with the first data after the gap, in the frame the wall's
// figures change in anyway, instead of on a timer in a frame of its own (each
// frame that changes costs a compositor commit); a timer a little after the
// gap catches the end of a burst.

/** Least time between two data draws of one chart. */
export const MIN_DRAW_GAP_MS = 500;
/** How long after the gap a chart that outran it draws when no more data comes. */
export const LATE_DRAW_MS = 100;

export class DrawGap {
  private drawnAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private outran = false;

  constructor(private readonly draw: () => void) {}

  /** New data or markers: draw now, when the gap ends, or with data after it. */
  changed(): void {
    const wait = this.drawnAt + MIN_DRAW_GAP_MS - performance.now();
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
