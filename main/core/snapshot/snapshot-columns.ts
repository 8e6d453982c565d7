// The point columns of a snapshot (docs/snapshot-format.md, "Point columns").
// Binary in base64 because JSON numbers were measured too slow: stringifying
// 7.2 M doubles took ~0.9-1.8 s on our 2-core machine, these encoders take
// ~0.2 s, and the decoders double as the validation of the numbers (a zod
// schema per point would take seconds).
//
//   times   start, then n-1 zigzag LEB128 varints of delta-of-delta
//           (a steady 1 s series is a run of zero bytes, which gzip erases)
//   values  `decimal`: every value is m / 10^scale for a whole m; the varints
//           are the deltas of m. Exact: the encoder checks the division
//           gives back the very same double, as the decoder will compute it.
//           `float64`: anything else (Prometheus rates); each value's bits
//           XOR the previous one's, split into 8 byte planes, high byte first,
//           so the near-constant sign/exponent planes compress away.
import type { Points } from '../../../shared/api/series';
import {
  SNAPSHOT_LIMITS,
  type EncodedPoints,
  type PointColumns,
} from '../../../shared/api/snapshot';
import { ColumnError, VarintReader, VarintWriter } from './snapshot-varint';

export { ColumnError };

const MAX_SCALE = 12;
const POW10 = Array.from({ length: MAX_SCALE + 1 }, (_, k) => 10 ** k);
/** Scaled integers stay below 2^51 so their deltas, zigzagged, stay exact below 2^53. */
const MAX_SCALED = 2 ** 51;

/** Whole-millisecond, finite, plausible points; the rest cannot be encoded exactly. */
export function encodablePoints(points: PointColumns): PointColumns {
  // Live buffers are clean already: check first, copy only when needed.
  return isEncodable(points) ? points : cleaned(points);
}

function isEncodable({ t, v }: PointColumns): boolean {
  if (t.length !== v.length) return false;
  let previous = -Infinity;
  for (let i = 0; i < t.length; i += 1) {
    const time = t[i] as number;
    if (!Number.isInteger(time) || time < Math.max(previous, 0)) return false;
    if (time > SNAPSHOT_LIMITS.maxPointTime || !Number.isFinite(v[i])) return false;
    previous = time;
  }
  return true;
}

function cleaned(points: PointColumns): Points {
  const t: number[] = [];
  const v: number[] = [];
  let previous = -Infinity;
  const count = Math.min(points.t.length, points.v.length);
  for (let i = 0; i < count; i += 1) {
    // Sub-millisecond precision is dropped: no display resolves it.
    const time = Math.round(points.t[i] as number);
    const value = points.v[i] as number;
    if (!(time >= 0 && time <= SNAPSHOT_LIMITS.maxPointTime) || !Number.isFinite(value)) continue;
    if (time < previous) continue;
    previous = time;
    t.push(time);
    v.push(value);
  }
  return { t, v };
}

/** Encodes points that encodablePoints() returned (or that already satisfy it). */
export function encodePoints(points: PointColumns): EncodedPoints {
  const n = points.t.length;
  return { n, t: encodeTimes(points.t), v: encodeValues(points.v) };
}

export function decodePoints(entry: EncodedPoints): Points {
  return { t: decodeTimes(entry.n, entry.t), v: decodeValues(entry.n, entry.v) };
}

function encodeTimes(t: ArrayLike<number>): EncodedPoints['t'] {
  const start = t[0] ?? 0;
  const out = VarintWriter.shared(t.length);
  let previous = start;
  let delta = 0;
  for (let i = 1; i < t.length; i += 1) {
    const time = t[i] as number;
    out.write(time - previous - delta);
    delta = time - previous;
    previous = time;
  }
  return { start, dod: out.base64() };
}

function decodeTimes(n: number, column: EncodedPoints['t']): number[] {
  const t = new Array<number>(n);
  if (n === 0) return t;
  const reader = new VarintReader(base64Bytes(column.dod, 'times'));
  let time = column.start;
  let delta = 0;
  t[0] = time;
  for (let i = 1; i < n; i += 1) {
    delta += reader.read();
    time += delta;
    // Going back in time or past the limit is a forged or damaged column.
    if (delta < 0 || time > SNAPSHOT_LIMITS.maxPointTime) {
      throw new ColumnError(`times go ${delta < 0 ? 'backwards' : 'out of range'} at point ${i}`);
    }
    t[i] = time;
  }
  reader.end();
  return t;
}

function encodeValues(v: ArrayLike<number>): EncodedPoints['v'] {
  const scale = decimalScale(v);
  const delta = scale === undefined ? undefined : encodeDecimal(v, scale);
  if (scale !== undefined && delta !== undefined) return { enc: 'decimal', scale, delta };
  return { enc: 'float64', xor: encodeFloat64(v) };
}

function decodeValues(n: number, column: EncodedPoints['v']): number[] {
  return column.enc === 'decimal'
    ? decodeDecimal(n, column.scale, column.delta)
    : decodeFloat64(n, column.xor);
}

/** The fewest decimals that express every value exactly, or undefined when none do. */
function decimalScale(v: ArrayLike<number>): number | undefined {
  let scale = 0;
  for (let i = 0; i < v.length; i += 1) {
    const value = v[i] as number;
    while (!fitsScale(value, scale)) {
      scale += 1;
      if (scale > MAX_SCALE) return undefined;
    }
  }
  return scale;
}

/**
 * -0 has no decimal form (its scaled integer is 0, which reads back as +0),
 * so a series holding one is written as float64, which keeps the sign bit.
 */
function fitsScale(value: number, scale: number): boolean {
  if (Object.is(value, -0)) return false;
  const p = POW10[scale] as number;
  const m = Math.round(value * p);
  return Math.abs(m) < MAX_SCALED && m / p === value;
}

/** Undefined if a value does not survive the round trip after all (then float64 is used). */
function encodeDecimal(v: ArrayLike<number>, scale: number): string | undefined {
  const p = POW10[scale] as number;
  const out = VarintWriter.shared(v.length);
  let previous = 0;
  for (let i = 0; i < v.length; i += 1) {
    const value = v[i] as number;
    const m = Math.round(value * p);
    if (m / p !== value) return undefined;
    out.write(m - previous);
    previous = m;
  }
  return out.base64();
}

function decodeDecimal(n: number, scale: number, column: string): number[] {
  const p = POW10[scale] as number;
  const reader = new VarintReader(base64Bytes(column, 'values'));
  const v = new Array<number>(n);
  let m = 0;
  for (let i = 0; i < n; i += 1) {
    m += reader.read();
    if (Math.abs(m) >= MAX_SCALED) throw new ColumnError(`value ${i} is out of range`);
    // Division, not multiplication by 10^-scale: it is what the encoder checked.
    v[i] = m / p;
  }
  reader.end();
  return v;
}

/** Which 32-bit half of a float64 holds sign and exponent on this machine. */
const HI = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/**
 * Scratch space reused from series to series: ~60 MB of short-lived buffers
 * per export showed up as garbage-collection pauses in the bench. Sharing is
 * safe because a series is encoded synchronously, with no await inside.
 */
let scratchDoubles = new Float64Array(4_096);
let scratchPlanes = Buffer.allocUnsafe(8 * 4_096);

function encodeFloat64(v: ArrayLike<number>): string {
  const n = v.length;
  if (scratchDoubles.length < n) {
    scratchDoubles = new Float64Array(n);
    scratchPlanes = Buffer.allocUnsafe(8 * n);
  }
  scratchDoubles.set(v);
  const words = new Uint32Array(scratchDoubles.buffer, 0, n * 2);
  const out = scratchPlanes;
  let hiBefore = 0;
  let loBefore = 0;
  for (let i = 0; i < n; i += 1) {
    const hi = words[2 * i + HI] as number;
    const lo = words[2 * i + LO] as number;
    writePlanes(out, n, i, (hi ^ hiBefore) >>> 0, (lo ^ loBefore) >>> 0);
    hiBefore = hi;
    loBefore = lo;
  }
  return out.toString('base64', 0, n * 8);
}

function writePlanes(out: Buffer, n: number, i: number, hi: number, lo: number): void {
  out[i] = hi >>> 24;
  out[n + i] = (hi >>> 16) & 0xff;
  out[2 * n + i] = (hi >>> 8) & 0xff;
  out[3 * n + i] = hi & 0xff;
  out[4 * n + i] = lo >>> 24;
  out[5 * n + i] = (lo >>> 16) & 0xff;
  out[6 * n + i] = (lo >>> 8) & 0xff;
  out[7 * n + i] = lo & 0xff;
}

function decodeFloat64(n: number, column: string): number[] {
  const bytes = base64Bytes(column, 'values');
  if (bytes.length !== n * 8) {
    throw new ColumnError(`float64 values hold ${bytes.length} bytes, expected ${n * 8}`);
  }
  const doubles = new Float64Array(n);
  const words = new Uint32Array(doubles.buffer);
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < n; i += 1) {
    hi = (hi ^ readPlane(bytes, n, i, 0)) >>> 0;
    lo = (lo ^ readPlane(bytes, n, i, 4)) >>> 0;
    words[2 * i + HI] = hi;
    words[2 * i + LO] = lo;
  }
  const v = new Array<number>(n);
  for (let i = 0; i < n; i += 1) {
    const value = doubles[i] as number;
    if (!Number.isFinite(value)) throw new ColumnError(`value ${i} is not a finite number`);
    v[i] = value;
  }
  return v;
}

function readPlane(bytes: Buffer, n: number, i: number, first: number): number {
  return (
    (((bytes[first * n + i] as number) << 24) |
      ((bytes[(first + 1) * n + i] as number) << 16) |
      ((bytes[(first + 2) * n + i] as number) << 8) |
      (bytes[(first + 3) * n + i] as number)) >>>
    0
  );
}

/**
 * Node's base64 decoder skips stray characters silently, so a column is
 * accepted only if it is the canonical encoding of what it decodes to. Native
 * encode-and-compare is ~15× faster than a regular expression over the text.
 */
function base64Bytes(column: string, what: string): Buffer {
  const bytes = Buffer.from(column, 'base64');
  if (bytes.toString('base64') !== column) {
    throw new ColumnError(`the ${what} column is not canonical base64`);
  }
  return bytes;
}
