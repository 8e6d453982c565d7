// Per-link counters for the Connections view: frames, rejections, dropped
// samples, message rate over the last five seconds, round trip, recent problems.
import type { LinkProblem } from '../../../shared/api/links';

const RECENT = 10;
const RATE_WINDOW_S = 5;

export class LinkStats {
  private framesReceived = 0;
  private framesRejected = 0;
  private samplesDropped = 0;
  private lastRtt: number | undefined;
  private lastTrouble = 0;
  private readonly recent: LinkProblem[] = [];
  private readonly perSecond = new Map<number, number>();

  frame(now = Date.now()): void {
    this.framesReceived += 1;
    const second = Math.floor(now / 1000);
    this.perSecond.set(second, (this.perSecond.get(second) ?? 0) + 1);
  }

  rejected(message: string, now: number): void {
    this.framesRejected += 1;
    this.problem(message, now);
  }

  dropped(count: number, message: string, now: number): void {
    this.samplesDropped += count;
    this.problem(message, now);
  }

  problem(message: string, now: number): void {
    this.lastTrouble = now;
    this.recent.push({ at: now, message });
    if (this.recent.length > RECENT) this.recent.shift();
  }

  rtt(ms: number): void {
    this.lastRtt = ms;
  }

  troubledSince(since: number): boolean {
    return this.lastTrouble >= since;
  }

  snapshot(now: number) {
    const second = Math.floor(now / 1000);
    let frames = 0;
    for (const [s, count] of this.perSecond) {
      if (s < second - RATE_WINDOW_S) this.perSecond.delete(s);
      else if (s < second) frames += count;
    }
    return {
      framesReceived: this.framesReceived,
      framesRejected: this.framesRejected,
      samplesDropped: this.samplesDropped,
      messageRate: Math.round((frames / RATE_WINDOW_S) * 10) / 10,
      recentErrors: [...this.recent],
      ...(this.lastRtt === undefined ? {} : { rttMs: this.lastRtt }),
    };
  }
}
