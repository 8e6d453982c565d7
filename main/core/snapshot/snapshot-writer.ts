// Export: the live console's window as a .wfsnap buffer, and its atomic save.
// The JSON is written in pieces, series by series, yielding to the event loop
// between slices, while zlib deflates the pieces already written on its
// thread pool: an export of 2,000 series × 1 h never holds the main process
// for long (bench/snapshot-bench.ts measures it).
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  SNAPSHOT_LIMITS,
  type EncodedPoints,
  type SnapshotAnnotation,
  type SnapshotHead,
  type SnapshotOmitted,
  type SnapshotSource,
} from '../../../shared/api/snapshot';
import { encodablePoints, encodePoints } from './snapshot-columns';
import { GzipSink } from './snapshot-gzip';
import { buildHead } from './snapshot-head';
import { omission } from './snapshot-priority';
import { TimeSlicer } from './snapshot-slicer';

export const DEFAULT_WINDOW_MS = 3_600_000;

export interface SnapshotOptions {
  title: string;
  notes?: string;
  /** How far back from now; an hour unless told. */
  windowMs?: number;
  annotations?: SnapshotAnnotation[];
}

export async function writeSnapshot(
  source: SnapshotSource,
  options: SnapshotOptions,
): Promise<Buffer> {
  const to = source.now?.() ?? Date.now();
  const from = Math.max(0, to - (options.windowMs ?? DEFAULT_WINDOW_MS));
  const { head, ranks, left } = await buildHead(source, {
    title: options.title,
    notes: options.notes ?? '',
    annotations: options.annotations ?? [],
    from,
    to,
  });
  const sink = new GzipSink();
  try {
    // The head first, so a reader knows the catalog before the points arrive
    // and can decode them while inflating; then the points member, opened by
    // hand to write it entry by entry.
    await sink.write(`${JSON.stringify(head).slice(0, -1)},"points":{`);
    const overBudget = await writePoints(sink, source, head, from, ranks);
    await sink.write('}');
    // After the points: only then is it known what the points budget left out.
    const omitted = omittedOf(left, overBudget);
    if (omitted) await sink.write(`,"omitted":${JSON.stringify(omitted)}`);
    await sink.write('}');
    return await sink.finish();
  } catch (err) {
    sink.abort();
    throw err;
  }
}

/**
 * Writes every series' points, the most important first (ranks), and
 * returns the keys of the series the total points budget had no room for.
 */
async function writePoints(
  sink: GzipSink,
  source: SnapshotSource,
  head: SnapshotHead,
  from: number,
  ranks: Map<string, number>,
): Promise<string[]> {
  const slicer = new TimeSlicer();
  const ordered = head.series
    .map(({ key }, index) => ({ key, index, rank: ranks.get(key) ?? 1 }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const left: string[] = [];
  let budget: number = SNAPSHOT_LIMITS.totalPoints;
  let separator = '';
  for (const { key } of ordered) {
    const points = encodablePoints(source.points(key, from));
    if (points.t.length > budget) {
      left.push(key);
      continue;
    }
    budget -= points.t.length;
    const entry = encodePoints(points);
    await sink.write(separator);
    for (const piece of entryPieces(key, entry)) await sink.write(piece);
    separator = ',';
    await slicer.maybeYield();
  }
  return left;
}

function omittedOf(left: string[], overBudget: string[]): SnapshotOmitted | undefined {
  if (!left.length && !overBudget.length) return undefined;
  const { series, totalPoints } = SNAPSHOT_LIMITS;
  const reasons = [
    left.length ? `more than ${series} series` : '',
    overBudget.length ? `more than ${totalPoints} points in all (these series have no points)` : '',
  ];
  return omission([...left, ...overBudget], reasons.filter(Boolean).join('; '));
}

/**
 * The entry's JSON, with the columns as separate pieces: base64 needs no
 * escaping, and JSON.stringify would scan tens of megabytes of it for nothing.
 * Must stay equivalent to JSON.stringify(entry) (the unit tests compare them).
 */
export function entryPieces(key: string, entry: EncodedPoints): string[] {
  const { n, t, v } = entry;
  const values =
    v.enc === 'decimal'
      ? [`"v":{"enc":"decimal","scale":${v.scale},"delta":"`, v.delta]
      : [`"v":{"enc":"float64","xor":"`, v.xor];
  return [
    `${JSON.stringify(key)}:{"n":${n},"t":{"start":${t.start},"dod":"`,
    t.dod,
    '"},',
    ...values,
    '"}}',
  ];
}

/**
 * Writes to a temporary file beside `path`, fsyncs it, then renames it over
 * `path`: a crash leaves the old file or the new one, never half of one.
 * `exclusive`: never replaces a file at `path` (it fails with EEXIST instead).
 */
export async function saveSnapshot(
  path: string,
  buffer: Buffer,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // Readable by others like any document: a snapshot is made to be handed on.
    const file = await open(temp, 'wx', 0o644);
    try {
      await file.writeFile(buffer);
      await file.sync();
    } finally {
      await file.close();
    }
    if (options.exclusive) {
      // A hard link fails if the name exists; a rename would silently replace it.
      await link(temp, path);
      await rm(temp, { force: true });
    } else {
      await rename(temp, path);
    }
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncDirectory(dirname(path));
}

/** Makes the rename itself durable; some platforms cannot open a directory, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows refuses fsync on directories; the rename is still atomic there.
  }
}
