// Member order in a snapshot: a current file written head first is checked
// as soon as its head is in (before its points are parsed, and zlib stops
// when it is refused); a file with its head members elsewhere is still read.
import type * as Zlib from 'node:zlib';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SnapshotError } from './snapshot-error';
import { readSnapshot } from './snapshot-reader';
import { writeSnapshot } from './snapshot-writer';
import { tinySnapshotSource } from '../../../test/support/snapshot-fixtures';

// Every gunzip the reader makes, to see whether it was stopped.
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

const source = tinySnapshotSource;

let valid: Buffer;
/** The written document as text: head members, then `"points":{…}`. */
let text: string;
let head: Record<string, unknown>;
let pointsJson: string;

beforeAll(async () => {
  valid = await writeSnapshot(source, { title: 'order' });
  text = gunzipSync(valid).toString('utf8');
  const { points, ...rest } = JSON.parse(text) as Record<string, unknown>;
  head = rest;
  pointsJson = JSON.stringify(points);
});

afterEach(() => {
  for (const gunzip of gunzips.splice(0)) gunzip.destroy();
});

async function failure(input: Uint8Array): Promise<SnapshotError> {
  try {
    await readSnapshot(input);
  } catch (err) {
    if (err instanceof SnapshotError) return err;
    throw err;
  }
  throw new Error('the snapshot was accepted');
}

/** A head-first document with a broken head, whose points run into `tail`. */
function badHeadThen(tail: string): Buffer {
  const series = (head.series as Record<string, unknown>[]).map((s) => ({ ...s, level: 'x' }));
  const bad = JSON.stringify({ ...head, series });
  return gzipSync(`${bad.slice(0, -1)},"points":{${tail}`);
}

describe('reading members in any order', () => {
  it('reads a file whose required head members come after the points', async () => {
    const { series, ...early } = head;
    const reordered = JSON.stringify({ ...early, points: JSON.parse(pointsJson), series });
    const expected = await readSnapshot(valid);
    expect(await readSnapshot(gzipSync(reordered))).toEqual(expected);
    expect(expected.points['demo/cpu']?.v).toEqual([1.5, 2.5, 3.5]);
  });

  it('refuses a current file for its head before parsing its points', async () => {
    // The points are broken too; the head, read first, is what the error names.
    const err = await failure(badHeadThen('"demo/cpu": oops}}'));
    expect(err.reason).toBe('invalid');
    expect(err.message).toMatch(/^invalid snapshot: series\.0\.level/);
  });

  it('stops inflating once the head is refused', async () => {
    const err = await failure(badHeadThen(`"pad":"${'0'.repeat(8 << 20)}"}}`));
    expect(err.reason).toBe('invalid');
    expect(gunzips).toHaveLength(1);
    expect(gunzips[0]?.destroyed).toBe(true);
  });

  it('refuses a negative version', async () => {
    const err = await failure(gzipSync(JSON.stringify({ ...JSON.parse(text), version: -1 })));
    expect(err.reason).toBe('invalid');
    expect(err.message).toBe('invalid snapshot: version: expected a whole number');
  });
});
