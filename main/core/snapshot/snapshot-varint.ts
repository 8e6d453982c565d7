// Zigzag LEB128 varints for whole numbers below 2^52 in magnitude: small
// deltas take one byte, and a run of equal steps becomes a run of zero bytes.
// Arithmetic rather than bit operations beyond 2^31, since JS bit operations
// are 32-bit.

/** A column that does not decode to what its entry claims. */
export class ColumnError extends Error {}

/** 53 bits need at most 8 bytes of 7. */
const MAX_BYTES = 8;

export class VarintWriter {
  private static scratch = Buffer.allocUnsafe(64 * 1024);
  private pos = 0;

  private constructor(private readonly buf: Buffer) {}

  /**
   * A writer over one scratch buffer, reused from series to series; the
   * previous writer's bytes are gone once this is called.
   */
  static shared(count: number): VarintWriter {
    const need = count * MAX_BYTES;
    if (VarintWriter.scratch.length < need) VarintWriter.scratch = Buffer.allocUnsafe(need);
    return new VarintWriter(VarintWriter.scratch);
  }

  write(value: number): void {
    let z = value >= 0 ? value * 2 : -value * 2 - 1;
    if (z < 0x80) {
      this.buf[this.pos++] = z;
      return;
    }
    while (z >= 0x80) {
      this.buf[this.pos++] = (z % 0x80) | 0x80;
      z = Math.floor(z / 0x80);
    }
    this.buf[this.pos++] = z;
  }

  base64(): string {
    return this.buf.toString('base64', 0, this.pos);
  }
}

export class VarintReader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  read(): number {
    const bytes = this.bytes;
    let pos = this.pos;
    let byte = bytes[pos++];
    if (byte === undefined) throw new ColumnError('a column ends before its last point');
    let z = byte & 0x7f;
    let scale = 0x80;
    while (byte & 0x80) {
      byte = bytes[pos++];
      if (byte === undefined) throw new ColumnError('a column ends inside a number');
      if (pos - this.pos > MAX_BYTES) throw new ColumnError('a column holds an oversized number');
      z += (byte & 0x7f) * scale;
      scale *= 0x80;
    }
    if (z > Number.MAX_SAFE_INTEGER) throw new ColumnError('a column holds an oversized number');
    this.pos = pos;
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }

  /** After the numbers the entry's count calls for, the column must be used up exactly. */
  end(): void {
    if (this.pos !== this.bytes.length) {
      throw new ColumnError("a column holds more numbers than its entry's count (n) calls for");
    }
  }
}
