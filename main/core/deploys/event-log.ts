// The recent events (deploys, builds, flag flips, ...) every console loads:
// the newest ones, capped by count and by size. A count alone let 480 events
// of 1 MiB hold ~630 MB, serialised again for every page that loaded.
import type { ConsoleEvent } from '../../../shared/api/console-state';

export const EVENT_LOG_LIMITS = { count: 500, bytes: 4 * 1024 * 1024 };

export class EventLog {
  private entries: { event: ConsoleEvent; bytes: number }[] = [];
  private bytes = 0;

  constructor(private readonly limits = EVENT_LOG_LIMITS) {}

  add(event: ConsoleEvent): void {
    // Measured once, on arrival; free-form data is already bounded by the protocol.
    const bytes = JSON.stringify(event).length;
    this.entries.push({ event, bytes });
    this.bytes += bytes;
    let drop = 0;
    while (
      drop < this.entries.length - 1 &&
      (this.entries.length - drop > this.limits.count || this.bytes > this.limits.bytes)
    ) {
      this.bytes -= this.entries[drop]?.bytes ?? 0;
      drop += 1;
    }
    if (drop > 0) this.entries = this.entries.slice(drop);
  }

  /** Oldest first. */
  list(): ConsoleEvent[] {
    return this.entries.map((entry) => entry.event);
  }

  get size(): { count: number; bytes: number } {
    return { count: this.entries.length, bytes: this.bytes };
  }
}
