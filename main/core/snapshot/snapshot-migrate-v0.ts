// Version 0, the prototype's format (docs/snapshot-format.md, "Version 0"):
// title, notes, author and window at the top level, createdAt as ISO text,
// and each series' points as an array of [time, value] pairs. It had no audit
// entries, annotations or endpoint clock skew.
import { z } from 'zod';
import { SNAPSHOT_FORMAT, SNAPSHOT_LIMITS } from '../../../shared/api/snapshot';
import type { Points } from '../../../shared/api/series';
import { encodablePoints, encodePoints } from './snapshot-columns';
import { SnapshotError, describeIssues } from './snapshot-error';
import type { RawDocument } from './snapshot-parse';
import type { TimeSlicer } from './snapshot-slicer';

const list = z.array(z.unknown()).max(100_000).default([]);

/** Only what the step reshapes; everything carried over is checked by the v1 schema. */
const v0Schema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(0),
  title: z.string().max(SNAPSHOT_LIMITS.titleChars),
  notes: z.string().max(SNAPSHOT_LIMITS.notesChars).optional(),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string().max(SNAPSHOT_LIMITS.nameChars),
  appVersion: z.string().max(SNAPSHOT_LIMITS.nameChars),
  from: z.number(),
  to: z.number(),
  endpoints: list,
  series: list,
  points: z.record(z.string(), z.unknown()),
  deployments: list,
  events: list,
  actions: list,
  alerts: list,
  alertTimeline: list,
});

export async function migrateV0(doc: RawDocument, slicer: TimeSlicer): Promise<RawDocument> {
  const parsed = v0Schema.safeParse(doc);
  if (!parsed.success) {
    throw new SnapshotError(
      'invalid',
      `version 0 snapshot: ${describeIssues(parsed.error.issues)}`,
    );
  }
  const v0 = parsed.data;
  const { points, title, notes, createdAt, createdBy, appVersion, from, to, ...rest } = v0;
  return {
    ...rest,
    version: 1,
    meta: {
      // v1 requires a title; the prototype allowed an empty one.
      title: title || 'Untitled snapshot',
      notes: notes ?? '',
      createdAt: Date.parse(createdAt),
      createdBy,
      appVersion,
      window: { from: Math.round(from), to: Math.round(to) },
    },
    audit: [],
    annotations: [],
    points: await encodePairs(points, slicer),
  };
}

async function encodePairs(points: Record<string, unknown>, slicer: TimeSlicer) {
  const out: RawDocument = Object.create(null);
  for (const [key, pairs] of Object.entries(points)) {
    out[key] = encodePoints(encodablePoints(pairsToPoints(key, pairs)));
    await slicer.maybeYield();
  }
  return out;
}

/** A tight loop rather than a zod tuple per pair: v0 files could hold millions. */
function pairsToPoints(key: string, pairs: unknown): Points {
  if (!Array.isArray(pairs) || pairs.length > SNAPSHOT_LIMITS.pointsPerSeries) {
    throw new SnapshotError(
      'invalid',
      `version 0 snapshot: points.${key}: expected at most ${SNAPSHOT_LIMITS.pointsPerSeries} [time, value] pairs`,
    );
  }
  const sorted = [...(pairs as unknown[])];
  for (let i = 0; i < sorted.length; i += 1) {
    const pair = sorted[i];
    if (!Array.isArray(pair) || pair.length !== 2 || !isFinitePair(pair)) {
      throw new SnapshotError(
        'invalid',
        `version 0 snapshot: points.${key}.${i}: expected [time, value] with finite numbers`,
      );
    }
  }
  // The prototype wrote pairs in order, but nothing enforced it.
  (sorted as [number, number][]).sort((a, b) => a[0] - b[0]);
  return {
    t: sorted.map((pair) => (pair as [number, number])[0]),
    v: sorted.map((pair) => (pair as [number, number])[1]),
  };
}

function isFinitePair(pair: unknown[]): boolean {
  return Number.isFinite(pair[0]) && Number.isFinite(pair[1]);
}
