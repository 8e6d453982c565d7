// Validates and decodes the points entries of a snapshot, one at a time, so
// the reader can do it while the document is still being inflated. Each
// entry's few fields go through zod; its columns through the decoder's own
// loops (a zod schema per point would take seconds for millions of points).
import type { Points } from '../../../shared/api/series';
import {
  SNAPSHOT_LIMITS,
  encodedPointsSchema,
  type EncodedPoints,
  type SnapshotHead,
} from '../../../shared/api/snapshot';
import { ColumnError, decodePoints } from './snapshot-columns';
import { SnapshotError, describeIssues } from './snapshot-error';

export class PointsDecoder {
  private readonly catalog: Set<string>;
  private readonly points: Record<string, Points> = {};
  private total = 0;

  /** `totalPoints` is the file's limit; tests pass a small one to reach it cheaply. */
  constructor(
    head: SnapshotHead,
    private readonly totalPoints: number = SNAPSHOT_LIMITS.totalPoints,
  ) {
    this.catalog = new Set(head.series.map((series) => series.key));
  }

  entry(key: string, raw: unknown): void {
    // Keys are catalog keys (`endpoint/series`), so `__proto__` and its kin never get here.
    if (!this.catalog.has(key)) throw invalid(key, 'a series not in the catalog');
    const parsed = encodedPointsSchema.safeParse(raw);
    if (!parsed.success) {
      throw new SnapshotError(
        'invalid',
        `invalid snapshot: ${describeIssues(parsed.error.issues, ['points', key])}`,
      );
    }
    // Counted before decoding, so a forged file cannot make us allocate past the limit.
    this.total += parsed.data.n;
    if (this.total > this.totalPoints) {
      throw invalid(key, `more than ${this.totalPoints} points in all`);
    }
    this.points[key] = decodeEntry(key, parsed.data);
  }

  /** Every catalog series, with no points where the file had no entry. */
  finish(): Record<string, Points> {
    for (const key of this.catalog) this.points[key] ??= { t: [], v: [] };
    return this.points;
  }
}

function decodeEntry(key: string, entry: EncodedPoints): Points {
  try {
    return decodePoints(entry);
  } catch (err) {
    if (err instanceof ColumnError) throw invalid(key, err.message);
    throw err;
  }
}

function invalid(key: string, message: string): SnapshotError {
  return new SnapshotError('invalid', `invalid snapshot: points.${key}: ${message}`);
}
