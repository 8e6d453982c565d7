// Inflated bytes → a plain object, parsed member by member while zlib is
// still inflating the rest, and inside `points` entry by entry, yielding to
// the event loop between slices. Nothing is validated here beyond JSON syntax
// and unique member names; the reader checks the result against the schema.
import { SnapshotError } from './snapshot-error';
import type { InflatingBytes } from './snapshot-inflate';
import { JsonCursor, JsonCursorError } from './snapshot-json-cursor';
import { TimeSlicer } from './snapshot-slicer';

/** Null-prototype, so a member named `__proto__` is just a member. */
export type RawDocument = Record<string, unknown>;

export interface PointsHandler {
  /** One entry of `points`, parsed; the handler keeps it (decoded or raw). */
  entry(key: string, value: unknown): void;
}

export interface ParseHooks {
  /**
   * Called as the `points` member starts, with the members read so far. A
   * handler returned takes the entries as they are parsed (the reader decodes
   * them while the rest is still inflating); without one they are collected raw.
   * It may be async, so that checking the head can yield to the event loop.
   */
  pointsStart?(doc: RawDocument): PointsHandler | undefined | Promise<PointsHandler | undefined>;
}

const OPEN_OBJECT = 0x7b;
/** Beyond this, a document that is not an object is not even tried as JSON. */
const MAX_FOREIGN_PARSE_BYTES = 64 << 20;

export async function parseDocument(
  source: InflatingBytes,
  hooks: ParseHooks = {},
): Promise<RawDocument> {
  const reader = new ResumableReader(source);
  try {
    const first = await reader.step((cursor) => cursor.start());
    if (first !== OPEN_OBJECT) return notAnObject(await source.all());
    return await parseMembers(reader, hooks);
  } catch (err) {
    throw asSnapshotError(err);
  }
}

async function parseMembers(reader: ResumableReader, hooks: ParseHooks): Promise<RawDocument> {
  const doc: RawDocument = Object.create(null);
  await reader.step((cursor) => cursor.enterObject());
  for (;;) {
    const member = await reader.step((cursor) => {
      const key = cursor.nextKey();
      if (key === undefined) return undefined;
      if (key in doc) throw new SnapshotError('invalid', `the member "${key}" appears twice`);
      // The points member holds nearly all the bytes: it is read entry by entry.
      if (key === 'points' && cursor.isObjectNext()) return { key, points: true };
      return { key, value: cursor.parseValue() };
    });
    if (!member) break;
    doc[member.key] = member.points ? await parsePoints(reader, hooks, doc) : member.value;
  }
  await reader.step((cursor) => {
    if (!cursor.atEnd()) throw new JsonCursorError('data after the end of the document', false);
  });
  return doc;
}

async function parsePoints(
  reader: ResumableReader,
  hooks: ParseHooks,
  doc: RawDocument,
): Promise<unknown> {
  const raw: RawDocument = Object.create(null);
  const seen = new Set<string>();
  const handler = (await hooks.pointsStart?.(doc)) ?? { entry: (key, value) => (raw[key] = value) };
  await reader.step((cursor) => cursor.enterObject());
  for (;;) {
    const entry = await reader.step((cursor) => {
      const key = cursor.nextKey();
      return key === undefined ? undefined : { key, value: cursor.parseValue() };
    });
    if (!entry) return raw;
    if (seen.has(entry.key))
      throw new SnapshotError('invalid', `points.${entry.key} appears twice`);
    seen.add(entry.key);
    handler.entry(entry.key, entry.value);
    await reader.yieldSometimes();
  }
}

/**
 * Runs cursor steps over bytes that may still be arriving: a step that runs
 * into the end of what is there is undone and retried once the bytes after
 * its start have at least doubled (so a huge value is not rescanned per chunk).
 */
class ResumableReader {
  private readonly cursor: JsonCursor;
  private readonly slicer = new TimeSlicer();

  constructor(private readonly source: InflatingBytes) {
    this.cursor = new JsonCursor(source.bytes, source.done);
  }

  async step<T>(read: (cursor: JsonCursor) => T): Promise<T> {
    for (;;) {
      // The view is refreshed each time: the buffer may have grown while we awaited.
      this.cursor.extend(this.source.bytes, this.source.done);
      const mark = this.cursor.mark();
      try {
        return read(this.cursor);
      } catch (err) {
        if (!(err instanceof JsonCursorError) || !err.truncated || this.cursor.isFinal) throw err;
        this.cursor.reset(mark);
        const have = this.source.bytes.length;
        await this.source.atLeast(have + Math.max(have - mark.pos, 1));
      }
    }
  }

  yieldSometimes(): Promise<void> {
    return this.slicer.maybeYield();
  }
}

function asSnapshotError(err: unknown): unknown {
  if (err instanceof JsonCursorError) {
    const reason = err.truncated ? 'truncated' : 'not-json';
    const what = err.truncated ? 'the document is cut short' : 'not valid JSON';
    return new SnapshotError(reason, `${what}: ${err.message}`, { cause: err });
  }
  if (err instanceof SyntaxError) {
    return new SnapshotError('not-json', `not valid JSON: ${err.message}`, { cause: err });
  }
  return err;
}

/** A JSON array, string or number is some other file; anything else is not JSON. */
function notAnObject(bytes: Uint8Array): never {
  if (bytes.length <= MAX_FOREIGN_PARSE_BYTES) {
    try {
      const value: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
      const kind = Array.isArray(value) ? 'an array' : `a ${typeof value}`;
      throw new SnapshotError('foreign', `not a Watchfloor snapshot: the file holds ${kind}`);
    } catch (err) {
      if (err instanceof SnapshotError) throw err;
    }
  }
  throw new SnapshotError('not-json', 'not a Watchfloor snapshot: its content is not JSON');
}
