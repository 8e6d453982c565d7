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

/** The error a cursor step throws, as a caller sees it. */
function errorOf(step: () => unknown): { message: string; truncated: boolean } {
  try {
    step();
  } catch (err) {
    if (err instanceof JsonCursorError) return { message: err.message, truncated: err.truncated };
    throw err;
  }
  throw new Error('the step succeeded');
}

const cursorOn = (text: string | number[], final?: boolean): JsonCursor =>
  new JsonCursor(typeof text === 'string' ? Buffer.from(text) : Uint8Array.from(text), final);

describe('JsonCursor, step by step', () => {
  it('takes the bytes as the whole document unless told otherwise', () => {
    expect(cursorOn('12').parseValue()).toBe(12);
  });

  it('looks for a byte order mark only where one starts', () => {
    expect(cursorOn('1').start()).toBe(0x31);
    // EF BB followed by anything but BF is not a byte order mark: the EF is the content.
    expect(cursorOn([0xef, 0xbb, 0x7b, 0x7d]).start()).toBe(0xef);
    expect(cursorOn([0xef, 0x00, 0xbf, 0x7b]).start()).toBe(0xef);
  });

  it('waits for a byte order mark to be whole, and finds nothing after one alone', () => {
    const partial = [0xef, 0xbb];
    const cut = { message: 'the text ends inside a byte order mark at byte 0', truncated: true };
    expect(errorOf(() => cursorOn(partial, false).start())).toEqual(cut);
    expect(errorOf(() => cursorOn(partial, true).start())).toEqual({ ...cut, truncated: false });
    expect(errorOf(() => cursorOn([0xef, 0xbb, 0xbf]).start())).toEqual({
      message: 'expected a value at byte 3',
      truncated: true,
    });
    expect(errorOf(() => cursorOn(' \n').start()).message).toBe('expected a value at byte 2');
  });

  it('says what it expected, and where', () => {
    expect(errorOf(() => cursorOn('[1]').enterObject())).toEqual({
      message: 'expected an object at byte 0',
      truncated: false,
    });
    const noName = cursorOn('{1:2}');
    noName.enterObject();
    expect(errorOf(() => noName.nextKey()).message).toBe('expected a member name at byte 1');
    const noColon = cursorOn('{"a" 1}');
    noColon.enterObject();
    expect(errorOf(() => noColon.nextKey()).message).toBe(
      'expected : after a member name at byte 5',
    );
    const noValue = cursorOn('{"a": ');
    noValue.enterObject();
    expect(noValue.nextKey()).toBe('a');
    expect(errorOf(() => noValue.parseValue())).toEqual({
      message: 'expected a value at byte 6',
      truncated: true,
    });
  });

  it('refuses nextKey() outside an object as a programming error', () => {
    expect(() => cursorOn('"a":1').nextKey()).toThrow(/^nextKey\(\) outside an object$/);
  });

  it('reports where a cut string, container or value began', () => {
    expect(errorOf(() => cursorOn('"abc').parseValue())).toEqual({
      message: 'the text ends inside a string at byte 0',
      truncated: true,
    });
    expect(errorOf(() => cursorOn('[1, {"a": 2}').parseValue())).toEqual({
      message: 'the text ends inside an object or array at byte 0',
      truncated: true,
    });
    expect(errorOf(() => cursorOn('12', false).parseValue())).toEqual({
      message: 'the text ends inside a value at byte 0',
      truncated: true,
    });
  });

  it('finds the closing quote at any position, after escaped quotes and backslashes', () => {
    expect(cursorOn('"abc"').parseValue()).toBe('abc');
    expect(cursorOn('"ab"').parseValue()).toBe('ab');
    expect(cursorOn(String.raw`"a\"b\\" `).parseValue()).toBe('a"b\\');
  });

  it('ends a scalar at a delimiter, so bytes yet to come do not matter', () => {
    expect(cursorOn('12,', false).parseValue()).toBe(12);
    expect(cursorOn('12]', false).parseValue()).toBe(12);
    expect(cursorOn('true:', false).parseValue()).toBe(true);
    expect(cursorOn('null}', false).parseValue()).toBeNull();
  });
});
