// parseDocument's verdicts: malformed JSON refused as soon as it arrives (not
// after inflating the rest), errors that keep their cause, and the size up to
// which a document that is not an object is still parsed to say what it is.
import { describe, expect, it } from 'vitest';
import { SnapshotError } from './snapshot-error';
import type { InflatingBytes } from './snapshot-inflate';
import { JsonCursorError } from './snapshot-json-cursor';
import { parseDocument } from './snapshot-parse';

const MB = 1024 * 1024;

/** A source handing out `step` bytes per wait, which counts what it handed out. */
function arriving(all: Uint8Array, step: number): { source: InflatingBytes; delivered(): number } {
  let length = 0;
  const source = {
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
    all() {
      length = all.length;
      return Promise.resolve(all);
    },
  };
  return { source: source as unknown as InflatingBytes, delivered: () => length };
}

async function failure(bytes: Uint8Array, step = bytes.length): Promise<SnapshotError> {
  try {
    await parseDocument(arriving(bytes, step).source);
  } catch (err) {
    if (err instanceof SnapshotError) return err;
    throw err;
  }
  throw new Error('the document was accepted');
}

describe('parseDocument', () => {
  it('refuses malformed JSON once it arrives, without waiting for the rest', async () => {
    const text = `{"a" 1, "pad": "${'x'.repeat(10_000)}"}`;
    const { source, delivered } = arriving(Buffer.from(text), 16);
    await expect(parseDocument(source)).rejects.toMatchObject({ reason: 'not-json' });
    expect(delivered()).toBeLessThan(100);
  });

  it('refuses a repeated member once it arrives, without waiting for the rest', async () => {
    const text = `{"a":1,"a":2,"pad":"${'x'.repeat(10_000)}"}`;
    const { source, delivered } = arriving(Buffer.from(text), 16);
    await expect(parseDocument(source)).rejects.toThrow('the member "a" appears twice');
    expect(delivered()).toBeLessThan(100);
  });

  it('names malformed JSON and keeps the cursor’s error as the cause', async () => {
    const err = await failure(Buffer.from('{"a" 1}'));
    expect(err.reason).toBe('not-json');
    expect(err.message).toBe('not valid JSON: expected : after a member name at byte 5');
    expect(err.cause).toBeInstanceOf(JsonCursorError);
  });

  it('names a cut-short document and keeps the cause', async () => {
    const err = await failure(Buffer.from('{"a":"bc'));
    expect(err.reason).toBe('truncated');
    expect(err.message).toBe('the document is cut short: the text ends inside a string at byte 5');
    expect(err.cause).toBeInstanceOf(JsonCursorError);
  });

  it('keeps JSON.parse’s error as the cause of a bad value', async () => {
    const err = await failure(Buffer.from('{"a":tru}'));
    expect(err.reason).toBe('not-json');
    expect(err.message).toMatch(/^not valid JSON: /);
    expect(err.cause).toBeInstanceOf(SyntaxError);
  });

  it('says what a non-object holds up to 64 MB, and only that it is not JSON beyond', async () => {
    const array = (size: number): Buffer => {
      const bytes = Buffer.alloc(size, 0x20);
      bytes[0] = 0x5b; // [
      bytes[size - 1] = 0x5d; // ]
      return bytes;
    };
    const atLimit = await failure(array(64 * MB));
    expect([atLimit.reason, atLimit.message]).toEqual([
      'foreign',
      'not a Watchfloor snapshot: the file holds an array',
    ]);
    const beyond = await failure(array(64 * MB + 1));
    expect([beyond.reason, beyond.message]).toEqual([
      'not-json',
      'not a Watchfloor snapshot: its content is not JSON',
    ]);
  });
});
