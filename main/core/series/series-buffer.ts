// Fixed-capacity ring buffer of (time, value) samples in typed arrays, so a
// series costs the same memory after an hour as after a minute.
import type { Points } from '../../../shared/api/series';

export class SeriesBuffer {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`series capacity must be a positive integer, got ${capacity}`);
    }
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(time: number, value: number): void {
    const end = (this.start + this.count) % this.capacity;
    this.times[end] = time;
    this.values[end] = value;
    if (this.count < this.capacity) this.count += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  last(): { t: number; v: number } | undefined {
    if (this.count === 0) return undefined;
    const i = (this.start + this.count - 1) % this.capacity;
    return { t: this.times[i] as number, v: this.values[i] as number };
  }

  /** Points with time >= since, oldest first. */
  pointsSince(since: number): Points {
    const t: number[] = [];
    const v: number[] = [];
    for (let k = 0; k < this.count; k += 1) {
      const i = (this.start + k) % this.capacity;
      const time = this.times[i] as number;
      if (time >= since) {
        t.push(time);
        v.push(this.values[i] as number);
      }
    }
    return { t, v };
  }
}
