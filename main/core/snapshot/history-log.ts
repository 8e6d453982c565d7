// One bounded list of changes, each with its time and what it is about (an
// endpoint, an action): the newest kept, capped by count and by bytes like
// the event log, so a busy endpoint cannot make the console's memory grow.
export interface HistoryLimits {
  count: number;
  bytes: number;
}

interface Entry<T> {
  at: number;
  subject: string;
  value: T;
  bytes: number;
}

export class HistoryLog<T> {
  private entries: Entry<T>[] = [];
  private bytes = 0;

  constructor(private readonly limits: HistoryLimits) {}

  add(at: number, subject: string, value: T): void {
    // Measured once, on arrival; a value is a small, already validated object.
    const bytes = JSON.stringify(value).length + subject.length + 16;
    this.entries.push({ at, subject, value, bytes });
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

  /**
   * The changes from `from` on, preceded by each subject's last change
   * before `from`: what stood when the window began. Oldest first.
   */
  since(from: number): { at: number; value: T }[] {
    const before = new Map<string, Entry<T>>();
    const out: Entry<T>[] = [];
    for (const entry of this.entries) {
      if (entry.at < from) before.set(entry.subject, entry);
      else out.push(entry);
    }
    return [...before.values(), ...out]
      .sort((a, b) => a.at - b.at)
      .map(({ at, value }) => ({ at, value }));
  }

  /** The subject's latest value, if any is kept. */
  last(subject: string): T | undefined {
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      const entry = this.entries[i] as Entry<T>;
      if (entry.subject === subject) return entry.value;
    }
    return undefined;
  }

  get size(): { count: number; bytes: number } {
    return { count: this.entries.length, bytes: this.bytes };
  }
}
