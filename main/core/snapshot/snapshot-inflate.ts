// From a path or buffer to the inflated document bytes, refusing early what is
// too big, not gzip, cut short or damaged. Inflation runs on zlib's thread
// pool and stops at the output cap, so a gzip bomb is refused after inflating
// no more than the cap.
import { open } from 'node:fs/promises';
import { createGunzip, type Gunzip } from 'node:zlib';
import { SnapshotError } from './snapshot-error';

const MB = 1024 * 1024;

export interface ReadLimits {
  /** Largest file accepted, compressed. */
  maxBytes: number;
  /** Largest document accepted once inflated. */
  maxInflated: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 200 * MB, maxInflated: 1024 * MB };

/**
 * Snapshots deflate 2-6×; a file that inflates past 64× its size is a bomb,
 * refused as soon as it gets there rather than at the 1 GB cap (a 1.5 MB file
 * once cost 1.9 GB before refusal). Below 64 MB the ratio is not held against a
 * file: a snapshot of flat series compresses far better than 64×, and is small.
 */
export const MAX_INFLATE_RATIO = 64;
const RATIO_FLOOR = 64 * MB;

/** The inflated size a file of `compressed` bytes may reach. */
export function inflateCap(compressed: number, maxInflated: number): number {
  return Math.min(maxInflated, Math.max(RATIO_FLOOR, compressed * MAX_INFLATE_RATIO));
}

export async function loadCompressed(
  input: Uint8Array | string,
  maxBytes: number,
): Promise<Buffer> {
  if (typeof input !== 'string') {
    if (input.length > maxBytes) throw tooLarge(input.length, maxBytes);
    return Buffer.from(input.buffer, input.byteOffset, input.length);
  }
  const file = await open(input, 'r');
  try {
    const stat = await file.stat();
    if (!stat.isFile()) throw new SnapshotError('foreign', `${input} is not a regular file`);
    if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    const bytes = await file.readFile();
    // The file may have grown since stat().
    if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
    return bytes;
  } finally {
    await file.close();
  }
}

/**
 * The inflated document as it arrives: zlib inflates on its thread pool
 * while the reader parses what is already there, and the bytes land in one
 * buffer sized from the gzip trailer, so there is no large concatenation
 * at the end to stall the main process.
 */
export class InflatingBytes {
  private buffer: Buffer;
  private length = 0;
  private ended = false;
  private failure: SnapshotError | undefined;
  private wake: (() => void) | undefined;
  private readonly gunzip: Gunzip;

  private readonly maxInflated: number;
  private readonly capReason: string;

  private constructor(compressed: Buffer, maxInflated: number) {
    this.maxInflated = inflateCap(compressed.length, maxInflated);
    this.capReason = capReason(compressed.length, this.maxInflated, maxInflated);
    this.buffer = Buffer.allocUnsafe(initialCapacity(compressed, maxInflated));
    const gunzip = (this.gunzip = createGunzip({ chunkSize: MB }));
    gunzip.on('data', (chunk: Buffer) => {
      if (!this.append(chunk)) gunzip.destroy();
      this.notify();
    });
    gunzip.on('end', () => {
      this.ended = true;
      this.notify();
    });
    gunzip.on('error', (err: NodeJS.ErrnoException) => {
      this.failure ??= inflateError(err);
      this.notify();
    });
    gunzip.end(compressed);
  }

  static start(compressed: Buffer, maxInflated: number): InflatingBytes {
    if (compressed.length === 0) throw new SnapshotError('truncated', 'the file is empty');
    if (compressed.length < 3 || compressed[0] !== 0x1f || compressed[1] !== 0x8b) {
      throw notGzip(compressed);
    }
    return new InflatingBytes(compressed, maxInflated);
  }

  /** What has arrived so far: a view, which does not grow; ask again after awaiting. */
  get bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  get done(): boolean {
    return this.ended;
  }

  /** Resolves once `length` bytes arrived or the document ended; rejects if inflating failed. */
  async atLeast(length: number): Promise<void> {
    while (!this.failure && !this.ended && this.length < length) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.failure) throw this.failure;
  }

  /** Everything, once inflated. */
  async all(): Promise<Uint8Array> {
    await this.atLeast(Infinity);
    return this.bytes;
  }

  /** Stops inflating (the reader gave up on the file). */
  cancel(): void {
    this.gunzip.destroy();
  }

  private append(chunk: Buffer): boolean {
    const needed = this.length + chunk.length;
    if (needed > this.maxInflated) {
      this.failure ??= tooLargeInflated(this.maxInflated, this.capReason);
      return false;
    }
    if (needed > this.buffer.length) this.grow(needed);
    chunk.copy(this.buffer, this.length);
    this.length = needed;
    return true;
  }

  private grow(needed: number): void {
    const next = Buffer.allocUnsafe(
      Math.min(Math.max(needed, this.buffer.length * 2), this.maxInflated),
    );
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * The gzip trailer's ISIZE: the last member's size mod 2^32. Only a hint (a
 * file can lie, or hold several members), so the buffer still grows if needed.
 */
function initialCapacity(compressed: Buffer, maxInflated: number): number {
  const hint = compressed.length >= 18 ? compressed.readUInt32LE(compressed.length - 4) : 0;
  // Snapshots deflate 2-6×; a hint far beyond that is not worth reserving up front.
  const plausible = Math.min(hint, compressed.length * 16);
  return Math.min(Math.max(plausible, MB), maxInflated);
}

function inflateError(err: NodeJS.ErrnoException): SnapshotError {
  const cause = { cause: err };
  if (err.code === 'Z_BUF_ERROR') {
    return new SnapshotError(
      'truncated',
      'the file is cut short: it ends before its compressed data does (an interrupted copy?)',
      cause,
    );
  }
  return new SnapshotError('corrupt', `the compressed data is damaged (${err.message})`, cause);
}

/** Why the cap is what it is: the ratio, the floor below it, or the caller's limit. */
function capReason(compressed: number, cap: number, maxInflated: number): string {
  if (cap >= maxInflated) return '';
  if (compressed * MAX_INFLATE_RATIO > RATIO_FLOOR)
    return ` (${MAX_INFLATE_RATIO}× its compressed size)`;
  return ` (the most a file under ${size(RATIO_FLOOR / MAX_INFLATE_RATIO)} may inflate to)`;
}

function tooLargeInflated(maxInflated: number, reason: string): SnapshotError {
  return new SnapshotError(
    'too-large',
    `the snapshot inflates to more than ${size(maxInflated)}${reason}: refused (a damaged or hostile file?)`,
  );
}

function notGzip(bytes: Buffer): SnapshotError {
  const first = bytes.subarray(0, 64).toString('utf8').trimStart();
  const hint = first.startsWith('{')
    ? ': it looks like uncompressed JSON; a .wfsnap is gzip-compressed (gzip it and retry)'
    : '';
  return new SnapshotError('not-gzip', `not a Watchfloor snapshot: not gzip data${hint}`);
}

function tooLarge(actual: number, limit: number): SnapshotError {
  return new SnapshotError(
    'too-large',
    `the file is ${size(actual)}, above the ${size(limit)} a snapshot may have`,
  );
}

function size(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${bytes} bytes`;
}
