// Per-link counters for the Connections view: frames, rejections, dropped
// samples, message rate over the last five seconds, round trip, recent problems.
// Two kinds of problem: troubles of a live link (rejected frames, dropped
// samples, a series cap), which make it degraded while they are recent, and
// connection faults (a refused attempt, a close), which explain why a link was
// down and are listed, but never make the next, clean connection degraded.
import type { LinkProblem } from '../../../shared/api/links';

const RECENT = 10;
const RATE_WINDOW_S = 5;

export class LinkStats {
  private framesReceived = 0;
  private framesRejected = 0;
  private samplesDropped = 0;
  private lastRtt: number | undefined;
  private lastTrouble: LinkProblem | undefined;
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

  /** A trouble of the live link: degraded while recent. */
  problem(message: string, now: number): void {
    this.lastTrouble = { at: now, message };
    this.list(message, now);
  }

  /** Why a connection failed or closed: listed, never a trouble of the link that follows. */
  fault(message: string, now: number): void {
    this.list(message, now);
  }

  private list(message: string, now: number): void {
    this.recent.push({ at: now, message });
    if (this.recent.length > RECENT) this.recent.shift();
  }

  rtt(ms: number): void {
    this.lastRtt = ms;
  }

  troubledSince(since: number): boolean {
    return this.trouble(since) !== undefined;
  }

  /** The latest trouble since then, to name why a link reads degraded. */
  trouble(since: number): LinkProblem | undefined {
    return this.lastTrouble && this.lastTrouble.at >= since ? this.lastTrouble : undefined;
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
