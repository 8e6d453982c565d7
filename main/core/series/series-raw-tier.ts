// The newest samples of a series, exactly: values as doubles, times as the
// milliseconds since the previous sample in 16 bits (a 1 Hz series steps by
// about 1,000). A step that does not fit (a gap over a minute, a fractional
// time) is kept whole in a side map, so every time round-trips exactly. The
// arrays grow by doubling up to the limit, so a new or sparse series costs
// little; after that they are a ring. The limit can change (the store shares
// a memory budget among all series): lowered, the arrays shrink to it once
// the owner has taken the samples beyond it; raised, they grow again.

/** A step too long or not whole: the time is in `exact`. */
const ESCAPED = 0xffff;
const INITIAL = 16;
/** A double for the value and 16 bits for the time step. */
export const RAW_BYTES_PER_SAMPLE = 10;

export class SeriesRawTier {
  private values: Float64Array;
  private steps: Uint16Array;
  /** Times a step cannot hold, by sequence number. */
  private exact: Map<number, number> | undefined;
  private start = 0;
  private count = 0;
  /** Sequence number of the oldest sample (one per push since the tier began). */
  private firstSeq = 0;
  private oldest = Number.NaN;
  private newest = Number.NaN;

  constructor(private maxSamples: number) {
    [this.values, this.steps] = allocate(Math.min(maxSamples, INITIAL));
  }

  /** Samples held at most: when full, a push drops the oldest. */
  get limit(): number {
    return this.maxSamples;
  }

  /** Changes the limit; the samples beyond a lower one must have been dropped first. */
  set limit(limit: number) {
    if (this.count > limit) throw new RangeError(`${this.count} samples held, over ${limit}`);
    this.maxSamples = limit;
    if (this.values.length > limit) this.resize(limit);
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count >= this.maxSamples;
  }

  get byteLength(): number {
    return this.values.buffer.byteLength;
  }

  get oldestTime(): number {
    return this.oldest;
  }

  get oldestValue(): number {
    return this.values[this.start] as number;
  }

  get newestTime(): number {
    return this.newest;
  }

  get newestValue(): number {
    return this.values[(this.start + this.count - 1) % this.values.length] as number;
  }

  /** Appends a sample newer than every one held; when full, the oldest goes. */
  push(time: number, value: number): void {
    if (this.full) this.dropOldest();
    else if (this.count === this.values.length) {
      this.resize(Math.min(this.maxSamples, this.values.length * 2));
    }
    const i = (this.start + this.count) % this.values.length;
    const step = time - this.newest;
    if (this.count === 0) this.oldest = time;
    else if (Number.isInteger(step) && step < ESCAPED && this.newest + step === time) {
      this.steps[i] = step;
    } else {
      this.steps[i] = ESCAPED;
      (this.exact ??= new Map()).set(this.firstSeq + this.count, time);
    }
    this.values[i] = value;
    this.newest = time;
    this.count += 1;
  }

  dropOldest(): void {
    if (this.count === 0) return;
    this.exact?.delete(this.firstSeq);
    if (this.count > 1) this.oldest = this.timeAt(1, this.oldest);
    this.start = (this.start + 1) % this.values.length;
    this.count -= 1;
    this.firstSeq += 1;
    if (this.count === 0) this.oldest = this.newest = Number.NaN;
  }

  /** Appends the samples with time >= since to t and v, oldest first. */
  appendSince(since: number, t: number[], v: number[]): void {
    if (!(this.newest >= since)) return;
    let time = this.oldest;
    for (let k = 0; k < this.count; k += 1) {
      if (k > 0) time = this.timeAt(k, time);
      if (time >= since) {
        t.push(time);
        v.push(this.values[(this.start + k) % this.values.length] as number);
      }
    }
  }

  /** The time of the k-th oldest sample, given the one before it. */
  private timeAt(k: number, previous: number): number {
    const step = this.steps[(this.start + k) % this.values.length] as number;
    if (step !== ESCAPED) return previous + step;
    return this.exact?.get(this.firstSeq + k) as number;
  }

  /** Copies the samples, oldest first, into arrays of `length` (at least the count). */
  private resize(length: number): void {
    const [values, steps] = allocate(length);
    for (let k = 0; k < this.count; k += 1) {
      const i = (this.start + k) % this.values.length;
      values[k] = this.values[i] as number;
      steps[k] = this.steps[i] as number;
    }
    this.values = values;
    this.steps = steps;
    this.start = 0;
  }
}

/** Values and steps in one allocation: a separate one per array costs ~0.6 kB of RSS a series. */
function allocate(length: number): [Float64Array, Uint16Array] {
  const buffer = new ArrayBuffer(length * RAW_BYTES_PER_SAMPLE);
  return [new Float64Array(buffer, 0, length), new Uint16Array(buffer, length * 8, length)];
}
