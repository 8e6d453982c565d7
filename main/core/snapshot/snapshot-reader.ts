// Import: a .wfsnap (path or bytes) → a validated Snapshot, or a SnapshotError
// whose `reason` says what is wrong with the file. Every stage is bounded:
// the compressed size, the inflated size, the schema's counts and lengths,
// and the total number of points, checked before their columns are decoded.
//
// A current-version file written head first (as the writer does) is decoded
// while it is still being inflated; anything else (an older version to
// migrate, or members in another order) is collected first, then decoded.
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  snapshotHeadSchema,
  type Snapshot,
  type SnapshotHead,
} from '../../../shared/api/snapshot';
import { SnapshotError, describeIssues } from './snapshot-error';
import { checkHead } from './snapshot-history-check';
import {
  DEFAULT_READ_LIMITS,
  InflatingBytes,
  loadCompressed,
  type ReadLimits,
} from './snapshot-inflate';
import { migrate } from './snapshot-migrations';
import { parseDocument, type RawDocument } from './snapshot-parse';
import { PointsDecoder } from './snapshot-points-decoder';
import { TimeSlicer } from './snapshot-slicer';

export { SnapshotError } from './snapshot-error';
export { snapshotToState } from '../../../shared/rules/snapshot-view';
export type { ReadLimits } from './snapshot-inflate';

const HEAD_MEMBERS = Object.keys(snapshotHeadSchema.shape);
/** Members without a default: the head is complete once these are in. */
const REQUIRED_MEMBERS = Object.entries(snapshotHeadSchema.shape)
  .filter(([, schema]) => !schema.safeParse(undefined).success)
  .map(([name]) => name);

export async function readSnapshot(
  input: Uint8Array | string,
  limits: Partial<ReadLimits> = {},
): Promise<Snapshot> {
  const { maxBytes, maxInflated } = { ...DEFAULT_READ_LIMITS, ...limits };
  const inflating = InflatingBytes.start(await loadCompressed(input, maxBytes), maxInflated);
  try {
    let early: EarlyHead | undefined;
    const doc = await parseDocument(inflating, {
      pointsStart: async (partial) => {
        early = await earlyHead(partial);
        return early?.decoder;
      },
    });
    if (!early) return await readLate(doc);
    // An optional member placed after the points: validate the head again with it.
    const late = HEAD_MEMBERS.some((name) => name in doc && !early?.members.has(name));
    return { ...(late ? await validHead(doc) : early.head), points: early.decoder.finish() };
  } finally {
    inflating.cancel();
  }
}

interface EarlyHead {
  head: SnapshotHead;
  decoder: PointsDecoder;
  /** The members read before the points. */
  members: Set<string>;
}

/** The head, when it came before the points and needs no migration. */
async function earlyHead(partial: RawDocument): Promise<EarlyHead | undefined> {
  if (!REQUIRED_MEMBERS.every((name) => name in partial)) return undefined;
  if (versionOf(partial) !== SNAPSHOT_VERSION) return undefined;
  const head = await validHead(partial);
  return { head, decoder: new PointsDecoder(head), members: new Set(Object.keys(partial)) };
}

async function readLate(doc: RawDocument): Promise<Snapshot> {
  const slicer = new TimeSlicer();
  const current = await migrate(doc, versionOf(doc), slicer);
  const head = await validHead(current, slicer);
  const raw = current.points;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SnapshotError('invalid', 'invalid snapshot: points: expected an object');
  }
  const decoder = new PointsDecoder(head);
  for (const [key, entry] of Object.entries(raw)) {
    decoder.entry(key, entry);
    await slicer.maybeYield();
  }
  return { ...head, points: decoder.finish() };
}

/** Format and version, checked before anything else is trusted. */
function versionOf(doc: RawDocument): number {
  if (doc.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(
      'foreign',
      'not a Watchfloor snapshot: the file is JSON, but not of the watchfloor.snapshot format',
    );
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new SnapshotError('invalid', 'invalid snapshot: version: expected a whole number');
  }
  if (version > SNAPSHOT_VERSION) {
    throw new SnapshotError(
      'unsupported-version',
      `this snapshot has format version ${version}, from a newer Watchfloor; this one reads versions up to ${SNAPSHOT_VERSION}: update Watchfloor to open it`,
    );
  }
  return version;
}

/** The head, checked in slices (snapshot-history-check): its history can be megabytes. */
async function validHead(doc: RawDocument, slicer?: TimeSlicer): Promise<SnapshotHead> {
  const parsed = await checkHead(doc, slicer);
  if (!parsed.success) {
    throw new SnapshotError('invalid', `invalid snapshot: ${describeIssues(parsed.issues)}`);
  }
  const keys = new Set<string>();
  for (const { key } of parsed.data.series) {
    if (keys.has(key))
      throw new SnapshotError('invalid', `invalid snapshot: series: ${key} is listed twice`);
    keys.add(key);
  }
  return parsed.data;
}
