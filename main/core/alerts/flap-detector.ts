// Flapping: a series whose alert fires again and again in a short window is one
// FLAPPING alert, kept open until the series has been quiet, rather than a new
// page every few seconds (Nagios and Alertmanager users know the noise).

/** This many firings within the window make a series flap. */
export const FLAP_FIRINGS = 3;
/** ...never shorter than this, however fast the series. */
export const MIN_FLAP_WINDOW_MS = 120_000;

/** The window scales with the alert's own cycle: twenty for-plus-recovery durations. */
export const flapWindowMs = (forMs: number, recoveryMs: number): number =>
  Math.max(MIN_FLAP_WINDOW_MS, 20 * (forMs + recoveryMs));

export class FlapDetector {
  private firings: number[] = [];

  constructor(private readonly windowMs: number) {}

  /** Records a firing; returns the firings within the window, this one included. */
  fired(at: number): number[] {
    this.firings = this.firings.filter((time) => at - time < this.windowMs);
    this.firings.push(at);
    return [...this.firings];
  }

  /** A flapping alert resolves only after this long clear. */
  get quietMs(): number {
    return this.windowMs / 2;
  }
}
