// The incremental JSON reader under the snapshot reader: it must find value
// boundaries through escapes and nesting, resume anywhere a chunk ends, and
// tell a cut-off document from a malformed one.
import { describe, expect, it } from 'vitest';
import { SnapshotError } from './snapshot-error';
import type { InflatingBytes } from './snapshot-inflate';
import { JsonCursor, JsonCursorError } from './snapshot-json-cursor';
import { parseDocument } from './snapshot-parse';

const tricky = {
  format: 'x',
  'quote " and \\ backslash': 'a\\"b\\\\',
  nested: { a: [1, [2, { b: '}]' }], -3.5e-7], 'c"}': 'ends \\' },
  points: { 'k/1': { n: 1, s: '{"not":"an object"}' }, 'k/2': [true, false, null] },
  unicode: 'süß ✓ 🔥',
  empty: {},
  list: [],
  number: 1234567890123,
};
const text = JSON.stringify(tricky);

/** Hands the document out `step` bytes at a time, as a slow inflater would. */
function dribble(all: Uint8Array, step: number): InflatingBytes {
  let length = 0;
  const fake = {
    get bytes() {
      return all.subarray(0, length);
    },
    get done() {
      return length === all.length;
    },
    atLeast(wanted: number) {
      length = Math.min(all.length, Math.max(wanted, length + step));
      return Promise.resolve();
    },
    async all() {
      length = all.length;
      return all;
    },
  };
  return fake as unknown as InflatingBytes;
}

describe('incremental JSON reading', () => {
  it.each([1, 2, 3, 7, 64, 100_000])(
    'parses the same document whether it arrives %i bytes at a time or whole',
    async (step) => {
      const doc = await parseDocument(dribble(Buffer.from(text), step));
      expect(JSON.parse(JSON.stringify(doc))).toEqual(tricky);
    },
  );

  it('hands points entries to a handler one by one', async () => {
    const seen: [string, unknown][] = [];
    await parseDocument(dribble(Buffer.from(text), 5), {
      pointsStart: (partial) => {
        expect(Object.keys(partial)).toEqual(['format', 'quote " and \\ backslash', 'nested']);
        return { entry: (key, value) => seen.push([key, value]) };
      },
    });
    expect(seen).toEqual(Object.entries(tricky.points));
  });

  it('calls every proper prefix of a document truncated, never malformed', async () => {
    const bytes = Buffer.from(text);
    for (let end = 0; end < bytes.length; end += 1) {
      const read = parseDocument(dribble(bytes.subarray(0, end), 1_000_000));
      await expect(read, `cut at ${end}`).rejects.toMatchObject({ reason: 'truncated' });
    }
  });

  it('calls broken JSON not-json', async () => {
    for (const broken of ['{"a" 1}', '{"a":1,}', '{"a":tru}', '{a:1}', '{"a":1} {"b":2}']) {
      const read = parseDocument(dribble(Buffer.from(broken), 3));
      await expect(read, broken).rejects.toMatchObject({ reason: 'not-json' });
      await expect(read).rejects.toBeInstanceOf(SnapshotError);
    }
  });

  it('skips a byte order mark and surrounding whitespace', async () => {
    const doc = await parseDocument(dribble(Buffer.from(`\ufeff \n\t{ "a" : [ 1 , 2 ] }\r\n`), 2));
    expect({ ...doc }).toEqual({ a: [1, 2] });
  });

  it('reports a value cut at the end of the arrived bytes as truncated until told it is final', () => {
    const cursor = new JsonCursor(Buffer.from('{"a":12'), false);
    cursor.enterObject();
    expect(cursor.nextKey()).toBe('a');
    const mark = cursor.mark();
    expect(() => cursor.parseValue()).toThrow(JsonCursorError);
    cursor.reset(mark);
    cursor.extend(Buffer.from('{"a":1234}'), true);
    expect(cursor.parseValue()).toBe(1234);
    expect(cursor.nextKey()).toBeUndefined();
    expect(cursor.atEnd()).toBe(true);
  });
});
