// The inflater on its own: exact limits (n accepted, n + 1 refused), the
// gzip magic checked byte by byte, bytes handed over while zlib still works,
// and zlib stopped as soon as the reader no longer wants its output.
import type * as Zlib from 'node:zlib';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SnapshotError } from './snapshot-error';
import { InflatingBytes, inflateCap, loadCompressed } from './snapshot-inflate';
import { snapshotFailure as failure } from '../../../test/support/snapshot-fixtures';

// Every gunzip the inflater makes, to see whether it was stopped.
const gunzips = vi.hoisted((): Zlib.Gunzip[] => []);
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof Zlib>();
  return {
    ...zlib,
    createGunzip: (options?: Parameters<typeof zlib.createGunzip>[0]) => {
      const gunzip = zlib.createGunzip(options);
      gunzips.push(gunzip);
      return gunzip;
    },
  };
});

const MB = 1024 * 1024;

afterEach(() => {
  for (const gunzip of gunzips.splice(0)) gunzip.destroy();
});

function inflateAll(compressed: Uint8Array, maxInflated: number): Promise<Uint8Array> {
  return InflatingBytes.start(Buffer.from(compressed), maxInflated).all();
}

describe('inflateCap', () => {
  it('allows 64× the compressed size, at least 64 MB, at most the limit', () => {
    expect(inflateCap(1000, 1024 * MB)).toBe(64 * MB);
    expect(inflateCap(2 * MB, 1024 * MB)).toBe(128 * MB);
    expect(inflateCap(100 * MB, 1024 * MB)).toBe(1024 * MB);
    expect(inflateCap(1000, 8 * MB)).toBe(8 * MB);
  });
});

describe('loadCompressed from bytes', () => {
  it('accepts exactly the limit and refuses one byte more, in words', async () => {
    const bytes = new Uint8Array(101).fill(7);
    expect([...(await loadCompressed(bytes.subarray(1), 100))]).toEqual([...bytes.subarray(1)]);
    const err = await failure(loadCompressed(bytes, 100));
    expect(err.reason).toBe('too-large');
    expect(err.message).toBe('the file is 101 bytes, above the 100 bytes a snapshot may have');
  });

  it('writes sizes from 1 MB up in MB', async () => {
    const err = await failure(loadCompressed(new Uint8Array(MB + 1), MB));
    expect(err.message).toBe('the file is 1 MB, above the 1 MB a snapshot may have');
    const below = await failure(loadCompressed(new Uint8Array(MB), MB - 1));
    expect(below.message).toBe('the file is 1 MB, above the 1048575 bytes a snapshot may have');
  });
});

describe('InflatingBytes.start: gzip or not', () => {
  const gzipped = gzipSync('{"a":1}');

  it.each([
    ['the magic alone', [0x1f, 0x8b]],
    ['a wrong first byte', [0x00, 0x8b, ...gzipped.subarray(2)]],
    ['a wrong second byte', [0x1f, 0x00, ...gzipped.subarray(2)]],
  ])('refuses %s as not gzip', (_, bytes) => {
    const start = (): unknown => InflatingBytes.start(Buffer.from(bytes), MB);
    expect(start).toThrow(SnapshotError);
    expect(start).toThrow(/^not a Watchfloor snapshot: not gzip data$/);
  });

  it('takes a three-byte gzip header as gzip, cut short', async () => {
    const err = await failure(inflateAll(gzipped.subarray(0, 3), MB));
    expect(err.reason).toBe('truncated');
    expect(err.message).toBe(
      'the file is cut short: it ends before its compressed data does (an interrupted copy?)',
    );
    expect(err.cause).toMatchObject({ code: 'Z_BUF_ERROR' });
  });

  it('calls damaged data corrupt, keeping zlib’s error as the cause', async () => {
    const damaged = Buffer.from(gzipped);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 8) ^ 0xff, damaged.length - 8); // the CRC
    const err = await failure(inflateAll(damaged, MB));
    expect(err.reason).toBe('corrupt');
    expect(err.message).toMatch(/^the compressed data is damaged \(.+\)$/);
    expect(err.cause).toMatchObject({ code: 'Z_DATA_ERROR' });
  });

  it('hints at gzip for JSON, even after leading whitespace', () => {
    const start = (): unknown => InflatingBytes.start(Buffer.from(' \n\t{"format":1}'), MB);
    expect(start).toThrow(
      'not a Watchfloor snapshot: not gzip data: it looks like uncompressed JSON; a .wfsnap is gzip-compressed (gzip it and retry)',
    );
  });
});

describe('InflatingBytes: the inflated limit', () => {
  const doc = Buffer.alloc(1000, 0x61);

  it('accepts a document of exactly the limit and refuses one byte more, in words', async () => {
    expect(Buffer.from(await inflateAll(gzipSync(doc), 1000)).equals(doc)).toBe(true);
    const err = await failure(inflateAll(gzipSync(Buffer.concat([doc, doc.subarray(0, 1)])), 1000));
    expect(err.reason).toBe('too-large');
    // The configured limit, not the ratio, stopped it: the message says so.
    expect(err.message).toBe(
      'the snapshot inflates to more than 1000 bytes: refused (a damaged or hostile file?)',
    );
  });

  it('stops zlib as soon as the limit is passed', async () => {
    const inflating = InflatingBytes.start(gzipSync(Buffer.alloc(8 * MB)), MB);
    await expect(inflating.all()).rejects.toMatchObject({ reason: 'too-large' });
    expect(gunzips.at(-1)?.destroyed).toBe(true);
  });

  it('does not reserve a limit larger than a Buffer can be', async () => {
    const small = gzipSync('{"a":1}');
    expect(Buffer.from(await inflateAll(small, 8 * 1024 * MB)).toString()).toBe('{"a":1}');
  });
});

describe('InflatingBytes: bytes as they arrive', () => {
  // Several members: the trailer's size hint covers only the last, so the buffer must grow.
  const parts = [Buffer.alloc(2 * MB, 0x62), Buffer.alloc(MB + 5, 0x63), Buffer.from('end')];
  const whole = Buffer.concat(parts);
  const compressed = Buffer.concat(parts.map((part) => gzipSync(part)));

  it('hands over 1 MB slices before the end, and all of it once done', async () => {
    const inflating = InflatingBytes.start(compressed, 64 * MB);
    await inflating.atLeast(1);
    expect(inflating.done).toBe(false);
    // Each wake makes the parser rescan; slices of zlib's default 16 KB would be too many.
    const first = inflating.bytes.length;
    expect(first).toBe(MB);
    await inflating.atLeast(first);
    expect(inflating.bytes.length).toBe(first);
    expect(Buffer.from(await inflating.all()).equals(whole)).toBe(true);
    expect(inflating.done).toBe(true);
  });

  it('cancel stops zlib', async () => {
    const inflating = InflatingBytes.start(compressed, 64 * MB);
    await inflating.atLeast(1);
    inflating.cancel();
    expect(gunzips.at(-1)?.destroyed).toBe(true);
  });
});
