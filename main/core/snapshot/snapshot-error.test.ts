// Untrusted files: each way a file can be wrong gets its own reason and a
// message that says what is wrong, and nothing is allocated past the limits.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotErrorReason } from '../../../shared/api/snapshot';
import { SnapshotError } from './snapshot-error';
import { DEFAULT_READ_LIMITS } from './snapshot-inflate';
import { readSnapshot } from './snapshot-reader';
import { writeSnapshot } from './snapshot-writer';
import { tinySnapshotSource } from '../../../test/support/snapshot-fixtures';

const source = tinySnapshotSource;

let valid: Buffer;
let doc: Record<string, unknown>;
let dir: string;

beforeAll(async () => {
  valid = await writeSnapshot(source, { title: 'valid' });
  doc = JSON.parse(gunzipSync(valid).toString('utf8')) as Record<string, unknown>;
  dir = await mkdtemp(join(tmpdir(), 'wf-snapshot-errors-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The document with some members replaced, gzipped. */
function variant(changes: Record<string, unknown>): Buffer {
  return gzipSync(JSON.stringify({ ...doc, ...changes }));
}

async function failure(
  input: Uint8Array | string,
  limits?: Parameters<typeof readSnapshot>[1],
): Promise<SnapshotError> {
  try {
    await readSnapshot(input, limits);
  } catch (err) {
    if (err instanceof SnapshotError) return err;
    throw err;
  }
  throw new Error('the snapshot was accepted');
}

async function expectReason(
  input: Uint8Array | string,
  reason: SnapshotErrorReason,
  message: RegExp,
  limits?: Parameters<typeof readSnapshot>[1],
): Promise<void> {
  const err = await failure(input, limits);
  expect({ reason: err.reason, message: err.message }).toMatchObject({ reason });
  expect(err.message).toMatch(message);
}

describe('reading a file that is not a good snapshot', () => {
  it('accepts the valid file these cases are made from', async () => {
    expect((await readSnapshot(valid)).points['demo/cpu']?.v).toEqual([1.5, 2.5, 3.5]);
  });

  it('too-large: a file above the compressed limit, as bytes or on disk', async () => {
    await expectReason(valid, 'too-large', /above the 100 bytes/, { maxBytes: 100 });
    const path = join(dir, 'big.wfsnap');
    await writeFile(path, valid);
    await expectReason(path, 'too-large', /above/, { maxBytes: 100 });
    expect(DEFAULT_READ_LIMITS).toEqual({ maxBytes: 200 * 2 ** 20, maxInflated: 2 ** 30 });
  });

  it('too-large: a gzip bomb is stopped at the inflated cap', async () => {
    // 64 MB of zeros inside a valid-looking document, in a ~64 KB file.
    const bomb = gzipSync(
      Buffer.concat([
        Buffer.from('{"format":"watchfloor.snapshot","version":1,"notes":"'),
        Buffer.alloc(64 << 20, 0x41),
        Buffer.from('"}'),
      ]),
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(200_000);
    await expectReason(bomb, 'too-large', /inflates to more than 8 MB/, { maxInflated: 8 << 20 });
  });

  it('too-large: a 1 GB bomb in a 1 MB file is refused at 64 MB, costing under 256 MB', async () => {
    // Gzip members concatenate: one 64 MB member of zeros, sixteen times, is 1 GB.
    const zeros = gzipSync(Buffer.alloc(64 << 20, 0x41), { level: 9 });
    const bomb = Buffer.concat([
      gzipSync('{"format":"watchfloor.snapshot","version":1,"notes":"'),
      ...Array.from({ length: 16 }, () => zeros),
      gzipSync('"}'),
    ]);
    expect(bomb.length).toBeLessThan(2 << 20);

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    try {
      await expectReason(
        bomb,
        'too-large',
        /more than 64 MB \(the most a file under 1 MB may inflate to\): refused/,
      );
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - baseline).toBeLessThan(256 << 20);
  });

  it('too-large: a bomb in a file over 1 MB is refused at 64× its compressed size', async () => {
    // 1.5 MB that does not compress, then zeros: the ratio, not the floor, binds.
    const noise = gzipSync(randomBytes(1536 << 10), { level: 1 });
    const zeros = gzipSync(Buffer.alloc(64 << 20, 0x41), { level: 9 });
    const bomb = Buffer.concat([noise, zeros, zeros]);
    const cap = Math.round((bomb.length * 64) / (1 << 20));
    await expectReason(
      bomb,
      'too-large',
      new RegExp(`more than ${cap} MB \\(64× its compressed size\\): refused`),
    );
  });

  it('not-gzip: arbitrary bytes, and plain JSON with a hint', async () => {
    await expectReason(Buffer.from('PK\u0003\u0004 a zip file'), 'not-gzip', /not gzip data$/);
    await expectReason(gunzipSync(valid), 'not-gzip', /uncompressed JSON.*gzip it/);
  });

  it('truncated: an empty file, a cut-off download, a document cut short', async () => {
    await expectReason(Buffer.alloc(0), 'truncated', /empty/);
    await expectReason(valid.subarray(0, valid.length - 12), 'truncated', /cut short/);
    await expectReason(valid.subarray(0, 40), 'truncated', /cut short/);
    const json = JSON.stringify(doc);
    await expectReason(gzipSync(json.slice(0, json.length - 30)), 'truncated', /cut short/);
  });

  it('corrupt: damaged compressed data', async () => {
    const damaged = Buffer.from(valid);
    damaged.writeUInt32LE(
      (damaged.readUInt32LE(damaged.length - 8) ^ 0xffff) >>> 0,
      damaged.length - 8,
    );
    await expectReason(damaged, 'corrupt', /damaged \(incorrect data check\)/);
    const garbled = Buffer.from(valid);
    garbled.fill(0xaa, 20, 60);
    await expectReason(garbled, 'corrupt', /damaged/);
  });

  it('not-json: gzip of text, or of broken JSON', async () => {
    await expectReason(gzipSync('hello, world'), 'not-json', /not JSON/);
    await expectReason(gzipSync('{"format": oops}'), 'not-json', /not valid JSON/);
    await expectReason(
      gzipSync('{"format":"watchfloor.snapshot" "version":1}'),
      'not-json',
      /expected , or }/,
    );
    await expectReason(gzipSync(`${JSON.stringify(doc)} trailing`), 'not-json', /after the end/);
  });

  it('foreign: JSON that is not a Watchfloor snapshot', async () => {
    await expectReason(gzipSync('[1, 2, 3]'), 'foreign', /holds an array/);
    await expectReason(gzipSync('"just a string"'), 'foreign', /holds a string/);
    await expectReason(
      gzipSync('{"name":"left-pad","version":"1.3.0"}'),
      'foreign',
      /not of the watchfloor\.snapshot format/,
    );
  });

  it('unsupported-version: a file from a newer Watchfloor', async () => {
    await expectReason(
      variant({ version: 3 }),
      'unsupported-version',
      /version 3, from a newer Watchfloor.*up to 2/,
    );
  });

  it('invalid: schema violations name the path', async () => {
    const series = doc.series as Record<string, unknown>[];
    await expectReason(variant({ version: 'one' }), 'invalid', /version: expected a whole number/);
    await expectReason(
      variant({ series: [{ ...series[0], level: 'galactic' }] }),
      'invalid',
      /series\.0\.level/,
    );
    await expectReason(
      variant({ meta: { ...(doc.meta as object), title: '' } }),
      'invalid',
      /meta\.title/,
    );
    await expectReason(variant({ series: [...series, ...series] }), 'invalid', /listed twice/);
    await expectReason(variant({ events: 'none' }), 'invalid', /events/);
  });

  it('invalid: points that do not match the catalog or their own counts', async () => {
    const points = doc.points as Record<string, { n: number }>;
    const entry = points['demo/cpu']!;
    await expectReason(
      variant({ points: { 'demo/ghost': entry } }),
      'invalid',
      /points\.demo\/ghost: a series not in the catalog/,
    );
    await expectReason(
      variant({ points: { 'demo/cpu': { ...entry, n: 4 } } }),
      'invalid',
      /points\.demo\/cpu: a column ends/,
    );
    await expectReason(
      variant({ points: { 'demo/cpu': { ...entry, n: 100_001 } } }),
      'invalid',
      /points\.demo\/cpu\.n/,
    );
    // An own `__proto__` member, as JSON.parse makes it, must stay just a name.
    const proto: unknown = JSON.parse(`{"__proto__":${JSON.stringify(entry)}}`);
    await expectReason(
      variant({ points: proto }),
      'invalid',
      /points\.__proto__: a series not in the catalog/,
    );
    expect(({} as Record<string, unknown>).n).toBeUndefined();
    await expectReason(variant({ points: [] }), 'invalid', /points: expected an object/);
    const duplicated = JSON.stringify(doc).replace(
      '"points":{',
      `"points":{"demo/cpu":${JSON.stringify(entry)},`,
    );
    await expectReason(gzipSync(duplicated), 'invalid', /appears twice/);
  });

  it('invalid: a member given twice (a later copy could hide the first)', async () => {
    const twice = JSON.stringify(doc).replace('{"format"', '{"series":[],"format"');
    await expectReason(gzipSync(twice), 'invalid', /"series" appears twice/);
  });

  it('passes other file errors through as they are', async () => {
    await expect(readSnapshot(join(dir, 'nope.wfsnap'))).rejects.toThrow(/ENOENT/);
    await expectReason(dir, 'foreign', /not a regular file/);
  });
});
