// The incident snapshot (.wfsnap): everything the wall showed over a window,
// in a file that can be opened later with no network and no endpoint. These
// schemas describe format version 2 as it lies on disk (docs/snapshot-format.md);
// the reader in main/core decodes the point columns after validating the rest.
//
// A snapshot is untrusted input: every array and string has a bound, so a
// hostile file cannot make the reader allocate more than its size suggests.
import { z } from 'zod';
import { alertSchema, alertTransitionSchema, type Alert, type AlertTransition } from './alerts';
import { auditEntrySchema, type AuditEntry } from './audit';
import { releaseGateSchema, releaseStatusSchema, type ReleaseStatus } from './releases';
import { actionRecordSchema, type ActionRecord } from './actions';
import {
  consoleEventSchema,
  endpointDeploymentsSchema,
  type ConsoleEvent,
  type EndpointDeployments,
} from './console-state';
import { consoleSeriesSchema, type ConsoleSeries, type Points } from './series';
import { linkStateSchema, type EndpointStatus } from './links';

export const SNAPSHOT_FORMAT = 'watchfloor.snapshot';
/** The version this console writes; it reads this one and every older one. */
export const SNAPSHOT_VERSION = 2;
export const SNAPSHOT_EXTENSION = '.wfsnap';

/**
 * Bounds a file must respect. They sit above what a live console holds
 * (500 events, 2,000 transitions, 5,000 series per endpoint) so that an
 * export never fails on them, and low enough to cap memory on import.
 */
export const SNAPSHOT_LIMITS = {
  series: 20_000,
  pointsPerSeries: 100_000,
  /** Across all series: 25 M points decode to about 400 MB of doubles. */
  totalPoints: 25_000_000,
  endpoints: 1_000,
  deployments: 1_000,
  events: 20_000,
  actions: 20_000,
  alerts: 20_000,
  alertTimeline: 100_000,
  audit: 100_000,
  annotations: 10_000,
  /** Entries of each history list (deployments, releases, links, actions, departed series). */
  history: 100_000,
  titleChars: 200,
  notesChars: 20_000,
  /** Messages, reasons, notes of transitions, annotation texts. */
  textChars: 4_000,
  /** Ids, keys, names, operators, versions. */
  nameChars: 512,
  urlChars: 2_000,
  /** Base64 of one column: 8 bytes a point at most (varint or float64). */
  columnChars: 4 * Math.ceil((8 * 100_000) / 3),
  /** Point times must lie below 2^49 ms (year 19,800) so delta-of-deltas stay exact. */
  maxPointTime: 2 ** 49,
} as const;

export const SNAPSHOT_ERROR_REASONS = [
  'too-large',
  'not-gzip',
  'truncated',
  'corrupt',
  'not-json',
  'foreign',
  'unsupported-version',
  'invalid',
] as const;
export type SnapshotErrorReason = (typeof SNAPSHOT_ERROR_REASONS)[number];

const L = SNAPSHOT_LIMITS;
const name = z.string().max(L.nameChars);
const text = z.string().max(L.textChars);
/** Epoch milliseconds, whole, within what Date can represent. */
const epochMs = z.number().int().min(0).max(8.64e15);
/** `endpointId/seriesId`; the slash also keeps keys such as `__proto__` out. */
export const snapshotSeriesKeySchema = z
  .string()
  .min(3)
  .max(L.nameChars)
  .regex(/^[^/]+\/.+$/, 'a series key is endpointId/seriesId');

export const snapshotMetaSchema = z.object({
  title: z.string().min(1).max(L.titleChars),
  notes: z.string().max(L.notesChars),
  createdAt: epochMs,
  /** The operator who exported it. */
  createdBy: name,
  /** The Watchfloor version that wrote it. */
  appVersion: name,
  window: z
    .object({ from: epochMs, to: epochMs })
    .refine((w) => w.from <= w.to, 'window.from must not be after window.to'),
});
export type SnapshotMeta = z.infer<typeof snapshotMetaSchema>;

export const snapshotEndpointSchema = z.object({
  id: name,
  url: z.string().max(L.urlChars),
  name,
  /** The link state at export time. */
  state: linkStateSchema,
  /** Endpoint clock minus ours: point times are the endpoint's. */
  clockSkewMs: z.number().optional(),
});
export type SnapshotEndpoint = z.infer<typeof snapshotEndpointSchema>;

export const snapshotAnnotationSchema = z.object({
  id: z.string().min(1).max(128),
  at: epochMs,
  text,
  author: name,
  /** The series it is about; absent for a note on the whole incident. */
  seriesKey: snapshotSeriesKeySchema.optional(),
});
export type SnapshotAnnotation = z.infer<typeof snapshotAnnotationSchema>;

const column = z.string().max(L.columnChars);

/**
 * One series' points, columnar and binary (docs/snapshot-format.md, "Point columns"):
 * times as a start plus zigzag-varint delta-of-deltas; values either as
 * scaled decimal integers (zigzag-varint deltas) or as XOR'd float64 byte planes.
 * Columns are base64 strings, checked and decoded by main/core/snapshot/snapshot-columns.ts.
 */
export const encodedPointsSchema = z.object({
  n: z.number().int().min(0).max(L.pointsPerSeries),
  t: z.object({ start: z.number().int().min(0).max(L.maxPointTime), dod: column }),
  v: z.discriminatedUnion('enc', [
    z.object({ enc: z.literal('decimal'), scale: z.number().int().min(0).max(12), delta: column }),
    z.object({ enc: z.literal('float64'), xor: column }),
  ]),
});
export type EncodedPoints = z.infer<typeof encodedPointsSchema>;

// The live schemas leave some strings unbounded (they come from validated
// frames); a file gets bounds on every one of them.
const snapshotSeriesSchema = consoleSeriesSchema.extend({
  key: snapshotSeriesKeySchema,
  endpointId: name,
  error: text.optional(),
});
const snapshotDeploymentsSchema = endpointDeploymentsSchema.extend({
  endpointId: name,
  services: endpointDeploymentsSchema.shape.services.max(1_000),
});
const snapshotEventSchema = consoleEventSchema.extend({ endpointId: name });
const snapshotActionSchema = actionRecordSchema.and(
  z.object({ operator: name, message: text.optional() }),
);
const snapshotAlertSchema = alertSchema.extend({
  id: name,
  seriesKey: name,
  endpointId: name,
  title: name,
  service: name.optional(),
  acknowledged: z.object({ by: name, at: z.number() }).optional(),
});
const snapshotTransitionSchema = alertTransitionSchema.extend({ alertId: name, note: text });
const snapshotAuditSchema = auditEntrySchema.extend({
  at: z.string().max(64),
  operator: name,
  endpointId: name,
  key: name,
  reason: text.optional(),
  message: text.optional(),
});

const snapshotGateSchema = releaseGateSchema.extend({
  metric: name,
  title: name,
  unit: name,
  releaseKey: name,
  baselineKey: name.optional(),
});
const snapshotReleaseSchema = releaseStatusSchema.extend({
  endpointId: name,
  service: name,
  serviceName: name,
  environment: name,
  version: name,
  baselineVersion: name,
  rings: releaseStatusSchema.shape.rings.max(20),
  gates: z.array(snapshotGateSchema).max(100),
  promote: releaseStatusSchema.shape.promote.extend({ reason: text.optional() }),
});

/**
 * What the console knew over the window besides series and alerts, each
 * change with the console's time of arrival. A list holds, first, the state
 * at the window's start (the last change before it), then every change in it.
 */
export const snapshotHistorySchema = z.object({
  /** False in files migrated from version 1, which recorded no history. */
  recorded: z.boolean(),
  /** An endpoint's services × environments, whole, after each change. */
  deployments: z
    .array(z.object({ at: epochMs, deployments: snapshotDeploymentsSchema }))
    .max(L.history),
  /** Every release with its rings and gate verdicts, whole, after each change. */
  releases: z
    .array(z.object({ at: epochMs, releases: z.array(snapshotReleaseSchema).max(L.deployments) }))
    .max(L.history),
  /** Link state changes. */
  links: z
    .array(z.object({ at: epochMs, endpointId: name, state: linkStateSchema }))
    .max(L.history),
  /** Each action record as its lifecycle moved it on. */
  actions: z.array(z.object({ at: epochMs, action: snapshotActionSchema })).max(L.history),
  /** Series that left their endpoint's catalog (a ring's series after a halt), and when. */
  departed: z.array(z.object({ at: epochMs, key: snapshotSeriesKeySchema })).max(L.history),
});
export type SnapshotHistory = z.infer<typeof snapshotHistorySchema>;

/** What a limit forced the writer to leave out, so a reviewer knows it is missing. */
export const snapshotOmittedSchema = z.object({
  /** How many series were left out, and the first of their keys. */
  seriesCount: z.number().int().min(0),
  series: z.array(name).max(1_000),
  reason: text,
});
export type SnapshotOmitted = z.infer<typeof snapshotOmittedSchema>;

export const EMPTY_HISTORY: SnapshotHistory = {
  recorded: false,
  deployments: [],
  releases: [],
  links: [],
  actions: [],
  departed: [],
};

/** Everything but the point columns: validated in one go with zod. */
export const snapshotHeadSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  meta: snapshotMetaSchema,
  endpoints: z.array(snapshotEndpointSchema).max(L.endpoints),
  series: z.array(snapshotSeriesSchema).max(L.series),
  deployments: z.array(snapshotDeploymentsSchema).max(L.deployments),
  events: z.array(snapshotEventSchema).max(L.events),
  actions: z.array(snapshotActionSchema).max(L.actions),
  alerts: z.array(snapshotAlertSchema).max(L.alerts),
  alertTimeline: z.array(snapshotTransitionSchema).max(L.alertTimeline),
  audit: z.array(snapshotAuditSchema).max(L.audit),
  annotations: z.array(snapshotAnnotationSchema).max(L.annotations),
  /** Releases and their gates at export; added within version 1, so absent from early files. */
  releases: z.array(snapshotReleaseSchema).max(L.deployments).default([]),
  /** Since version 2. */
  history: snapshotHistorySchema,
  /** Present when a limit forced series out. */
  omitted: snapshotOmittedSchema.optional(),
});
export type SnapshotHead = z.infer<typeof snapshotHeadSchema>;

/**
 * The whole document. The reader does not run this at once: it validates the
 * head, then each points entry on its own, yielding in between (a single
 * parse of millions of points would stall the main process).
 */
export const snapshotDocumentSchema = snapshotHeadSchema.extend({
  points: z.record(snapshotSeriesKeySchema, encodedPointsSchema),
});
export type SnapshotDocument = z.infer<typeof snapshotDocumentSchema>;

/** A snapshot as the reader returns it: the head, and points decoded to absolute times. */
export type Snapshot = SnapshotHead & { points: Record<string, Points> };

/** The console as the snapshot showed it at one instant, for the review mode's scrubber. */
export interface SnapshotView {
  at: number;
  meta: SnapshotMeta;
  endpoints: SnapshotEndpoint[];
  series: ConsoleSeries[];
  /** Points with from ≤ t ≤ at. */
  points: Record<string, Points>;
  /** As they were at `at` (as exported when the file holds no history). */
  deployments: EndpointDeployments[];
  /** Submitted by `at`, each in the state it had at `at`. */
  actions: ActionRecord[];
  events: ConsoleEvent[];
  /** Alerts that had started by `at`, as they were then: open ones first. */
  alerts: Alert[];
  alertTimeline: AlertTransition[];
  audit: AuditEntry[];
  annotations: SnapshotAnnotation[];
  /** As they were at `at`, like deployments. */
  releases: ReleaseStatus[];
  /** Whether deployments, releases and links come from recorded history or the export. */
  historyRecorded: boolean;
}

/**
 * Points as the writer takes them: number arrays (Points) or typed arrays,
 * so a source may hand over copies of its Float64Array rings directly.
 */
export interface PointColumns {
  t: ArrayLike<number>;
  v: ArrayLike<number>;
}

/** What the writer takes from the live console, everything but the points. */
export interface SnapshotSourceState {
  endpoints: Pick<EndpointStatus, 'id' | 'url' | 'name' | 'state' | 'clockSkewMs'>[];
  series: ConsoleSeries[];
  deployments: EndpointDeployments[];
  actions: ActionRecord[];
  events: ConsoleEvent[];
  alerts: Alert[];
  alertTimeline: AlertTransition[];
  /** Optional: a console without release gates has none. */
  releases?: ReleaseStatus[];
  /** Optional: what the console recorded over time; the writer trims it to the window. */
  history?: SnapshotHistory;
}

/**
 * What main/core/snapshot/snapshot-writer.ts needs from the live console. A
 * ConsoleState satisfies SnapshotSourceState, so ConsoleCore can serve
 * `state` from what getState() gathers, minus the points.
 */
export interface SnapshotSource {
  /** The console now. `from` is the window start, should the source want to trim. */
  state(from: number): SnapshotSourceState | Promise<SnapshotSourceState>;
  /**
   * One series' points with t ≥ from, oldest first. Asked once per series so
   * that the writer can yield to the event loop between series. Typed arrays
   * are accepted as well as number arrays, so a source may hand over copies
   * of its Float64Array rings.
   */
  points(key: string, from: number): PointColumns;
  /** Audit entries with from ≤ at ≤ to, in any order. */
  audit(from: number, to: number): AuditEntry[] | Promise<AuditEntry[]>;
  /** The Watchfloor version, recorded in meta.appVersion. */
  readonly appVersion: string;
  /** Who exports: the operator name, recorded in meta.createdBy. */
  operator(): string;
  /** The clock; Date.now when absent (tests and the bench pin it). */
  now?(): number;
}
