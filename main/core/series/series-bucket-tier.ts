// A series' older samples, decimated: for each bucket of `widthMs` (aligned
// to multiples of it since the epoch), the lowest and the highest sample it
// saw, each with its time to the millisecond (floored) as a 16-bit offset
// into the bucket. A ring of `slots` buckets: a new bucket overwrites the one
// `slots` buckets older. Samples must arrive in time order.

/** Offset of an empty bucket (real offsets are below the width, at most 65,534). */
const EMPTY = 0xffff;

export class SeriesBucketTier {
  /** [lowest, highest] per slot. */
  private readonly extremes: Float64Array;
  /** [offset of lowest, offset of highest] per slot, ms into the bucket. */
  private readonly offsets: Uint16Array;
  /** Bucket number (time ÷ width, floored) of the newest bucket. */
  private newest = Number.NEGATIVE_INFINITY;
  private points = 0;

  constructor(
    readonly widthMs: number,
    readonly slots: number,
  ) {
    // One allocation for both arrays: a separate one each costs RSS beyond their bytes.
    const buffer = new ArrayBuffer(slots * 20);
    this.extremes = new Float64Array(buffer, 0, slots * 2);
    this.offsets = new Uint16Array(buffer, slots * 16, slots * 2).fill(EMPTY);
  }

  /** Points pointsSince would return for all time: one per bucket whose lowest is its highest, else two. */
  get size(): number {
    return this.points;
  }

  get byteLength(): number {
    return this.extremes.buffer.byteLength;
  }

  add(time: number, value: number): void {
    const bucket = Math.floor(time / this.widthMs);
    if (bucket > this.newest) this.advance(bucket);
    else if (bucket <= this.newest - this.slots) return;
    const slot = this.slotOf(bucket);
    const offset = Math.floor(time) - bucket * this.widthMs;
    const before = this.pointsIn(slot);
    const low = slot * 2;
    const high = low + 1;
    if (before === 0) {
      this.extremes[low] = this.extremes[high] = value;
      this.offsets[low] = this.offsets[high] = offset;
    } else if (value < (this.extremes[low] as number)) {
      this.extremes[low] = value;
      this.offsets[low] = offset;
    } else if (value > (this.extremes[high] as number)) {
      this.extremes[high] = value;
      this.offsets[high] = offset;
    }
    this.points += this.pointsIn(slot) - before;
  }

  /** Appends each bucket's lowest and highest with time >= since, in time order. */
  appendSince(since: number, t: number[], v: number[]): void {
    if (this.points === 0) return;
    const first = Math.max(this.newest - this.slots + 1, Math.floor(since / this.widthMs));
    for (let bucket = first; bucket <= this.newest; bucket += 1) {
      const slot = this.slotOf(bucket);
      const count = this.pointsIn(slot);
      if (count === 0) continue;
      const base = bucket * this.widthMs;
      const low = slot * 2;
      // The earlier of the two first; one point when they are the same sample.
      const earlier = (this.offsets[low] as number) <= (this.offsets[low + 1] as number) ? 0 : 1;
      this.emit(base, low + earlier, since, t, v);
      if (count === 2) this.emit(base, low + 1 - earlier, since, t, v);
    }
  }

  private emit(base: number, i: number, since: number, t: number[], v: number[]): void {
    const time = base + (this.offsets[i] as number);
    if (time < since) return;
    t.push(time);
    v.push(this.extremes[i] as number);
  }

  /** Moves the ring on to `bucket`, emptying the slots of the buckets it skips or reuses. */
  private advance(bucket: number): void {
    const from = Math.max(this.newest + 1, bucket - this.slots + 1);
    for (let b = from; b <= bucket; b += 1) {
      const slot = this.slotOf(b);
      this.points -= this.pointsIn(slot);
      this.offsets[slot * 2] = this.offsets[slot * 2 + 1] = EMPTY;
    }
    this.newest = bucket;
  }

  private slotOf(bucket: number): number {
    return ((bucket % this.slots) + this.slots) % this.slots;
  }

  private pointsIn(slot: number): number {
    const low = slot * 2;
    if (this.offsets[low] === EMPTY) return 0;
    const same =
      this.offsets[low] === this.offsets[low + 1] && this.extremes[low] === this.extremes[low + 1];
    return same ? 1 : 2;
  }
}
