// The ConsoleApi: what the renderer may ask of the main process, and the one
// delta it is pushed. Both hosts (Electron IPC and the browser host's
// WebSocket) carry exactly these shapes and validate them with these schemas.
import { z } from 'zod';
import { alertSchema, alertTransitionSchema } from './alerts';
import { auditEntrySchema, auditQuerySchema, type AuditEntry, type AuditQuery } from './audit';
import { releaseStatusSchema } from './releases';
import { settingsSchema, type SettingsPatch } from './settings';
import type { Snapshot } from './snapshot';
import {
  actionCallSchema,
  actionNameSchema,
  actionStateSchema,
  cloudEventSchema,
  seriesInfoSchema,
  serviceStateSchema,
} from '../protocol';

/**
 * connecting: dialling or shaking hands; open: healthy; degraded: open but
 * something is wrong (late pongs, rejected frames, series errors);
 * reconnecting: waiting for the next retry; failed: refused for a reason a
 * retry will not fix soon (token, protocol version), retried only slowly.
 */
export const LINK_STATES = ['connecting', 'open', 'degraded', 'reconnecting', 'failed'] as const;
export const linkStateSchema = z.enum(LINK_STATES);
export type LinkState = z.infer<typeof linkStateSchema>;

export const linkProblemSchema = z.object({ at: z.number(), message: z.string() });
export type LinkProblem = z.infer<typeof linkProblemSchema>;

export const endpointStatusSchema = z.object({
  id: z.string(),
  url: z.string(),
  name: z.string(),
  state: linkStateSchema,
  /** Why the link is not open, or the latest problem on an open link. */
  lastError: z.string().optional(),
  /** When the next connection attempt is due (epoch ms), while reconnecting or failed. */
  nextRetryAt: z.number().optional(),
  actions: z.array(actionNameSchema),
  /** Endpoint clock minus ours at handshake, ms. */
  clockSkewMs: z.number().optional(),
  /** Last ping round trip, ms. */
  rttMs: z.number().optional(),
  /** Frames received per second, over the last few seconds. */
  messageRate: z.number(),
  framesReceived: z.number().int().nonnegative(),
  framesRejected: z.number().int().nonnegative(),
  samplesDropped: z.number().int().nonnegative(),
  seriesCount: z.number().int().nonnegative(),
  /** The last few problems, newest last. */
  recentErrors: z.array(linkProblemSchema),
  /** Whether a token is configured; the token itself never leaves the main process. */
  hasToken: z.boolean(),
  /** The extra CA file configured for wss (a path, not a secret). */
  caFile: z.string().optional(),
  /** Whether the user configured this endpoint (removable) or it is the embedded demo or a CLI one. */
  source: z.enum(['demo', 'cli', 'settings']),
});
export type EndpointStatus = z.infer<typeof endpointStatusSchema>;

/** A series as the console knows it: the endpoint's catalog entry keyed globally. */
export const consoleSeriesSchema = seriesInfoSchema.extend({
  key: z.string(),
  endpointId: z.string(),
  /** A per-series error reported by the endpoint (a failing query, say). */
  error: z.string().optional(),
});
export type ConsoleSeries = z.infer<typeof consoleSeriesSchema>;

/** Columnar points: times and values of equal length. */
export const pointsSchema = z.object({ t: z.array(z.number()), v: z.array(z.number()) });
export type Points = z.infer<typeof pointsSchema>;

export const endpointDeploymentsSchema = z.object({
  endpointId: z.string(),
  resourceVersion: z.number(),
  services: z.array(serviceStateSchema),
});
export type EndpointDeployments = z.infer<typeof endpointDeploymentsSchema>;

export const consoleEventSchema = cloudEventSchema.extend({ endpointId: z.string() });
export type ConsoleEvent = z.infer<typeof consoleEventSchema>;

const actionKeySchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

export const actionRequestSchema = z.intersection(
  z.object({
    endpointId: z.string().min(1).max(128),
    /** One per operator intent, chosen by the renderer: a double click reuses it. */
    key: actionKeySchema,
    /** Why the operator acts, for the audit log. */
    reason: z.string().max(2_000).optional(),
    /** Promote past failing release gates; needs a typed reason and is audited. */
    override: z.boolean().optional(),
  }),
  actionCallSchema,
);
export type ActionRequest = z.infer<typeof actionRequestSchema>;

export const actionRecordSchema = z.intersection(
  actionRequestSchema,
  z.object({
    state: actionStateSchema,
    message: z.string().optional(),
    operator: z.string(),
    submittedAt: z.number(),
    updatedAt: z.number(),
  }),
);
export type ActionRecord = z.infer<typeof actionRecordSchema>;

export const consoleStateSchema = z.object({
  endpoints: z.array(endpointStatusSchema),
  series: z.array(consoleSeriesSchema),
  points: z.record(z.string(), pointsSchema),
  deployments: z.array(endpointDeploymentsSchema),
  actions: z.array(actionRecordSchema),
  events: z.array(consoleEventSchema),
  profile: z.enum(['operator', 'display']),
  /** Things the operator must know about the console itself (a recovered settings file, say). */
  notices: z.array(z.string()),
  /** Open alerts first, then recently resolved ones. */
  alerts: z.array(alertSchema),
  alertTimeline: z.array(alertTransitionSchema),
  settings: settingsSchema.omit({ endpoints: true }),
  /** Releases rolling out ring by ring, with their gates. */
  releases: z.array(releaseStatusSchema),
  /** Kiosk mode: fullscreen, no chrome; the renderer hides its controls. */
  kiosk: z.boolean(),
  /** A snapshot the main process was asked to open before the page was there. */
  openSnapshot: z.string().optional(),
});
export type ConsoleState = z.infer<typeof consoleStateSchema>;

/** Everything that changed since the previous flush, in one message. */
export const consoleDeltaSchema = z.object({
  seq: z.number().int(),
  endpoints: z.array(endpointStatusSchema).optional(),
  /** Ids of endpoints removed since the last delta. */
  endpointsRemoved: z.array(z.string()).optional(),
  series: z.array(consoleSeriesSchema).optional(),
  /** Keys of series gone from their endpoint's catalog. */
  seriesRemoved: z.array(z.string()).optional(),
  /** New points per series key since the last delta (appended, in time order). */
  points: z.record(z.string(), pointsSchema).optional(),
  deployments: z.array(endpointDeploymentsSchema).optional(),
  actions: z.array(actionRecordSchema).optional(),
  events: z.array(consoleEventSchema).optional(),
  /** Alerts that changed, as they are now. */
  alerts: z.array(alertSchema).optional(),
  alertTransitions: z.array(alertTransitionSchema).optional(),
  notices: z.array(z.string()).optional(),
  settings: settingsSchema.omit({ endpoints: true }).optional(),
  /** The whole list, when anything in it changed. */
  releases: z.array(releaseStatusSchema).optional(),
  /** The main process asks the page to open this snapshot (command line, File > Open, a second launch). */
  openSnapshot: z.string().optional(),
});
export type ConsoleDelta = z.infer<typeof consoleDeltaSchema>;

/** An endpoint as the user configures it. The token is write-only. */
export const endpointConfigSchema = z.object({
  url: z
    .string()
    .max(2_000)
    .regex(/^wss?:\/\//i, 'an endpoint URL starts with ws:// or wss://'),
  /** Bearer token; absent keeps the stored one, empty string removes it. */
  token: z.string().max(4_096).optional(),
  /** PEM file of an extra certificate authority for wss (system CAs are always trusted). */
  caFile: z.string().max(4_096).optional(),
});
export type EndpointConfig = z.infer<typeof endpointConfigSchema>;

export const endpointUpdateSchema = z.object({
  id: z.string().min(1).max(300),
  config: endpointConfigSchema,
});
export const endpointIdParamSchema = z.object({ id: z.string().min(1).max(300) });
export const alertIdParamSchema = z.object({ id: z.string().min(1).max(100) });
export { auditEntrySchema, auditQuerySchema };

export const snapshotExportSchema = z.object({
  title: z.string().min(1).max(200),
  notes: z.string().max(20_000).optional(),
  windowMs: z.number().int().min(60_000).max(86_400_000).optional(),
});
export type SnapshotExport = z.infer<typeof snapshotExportSchema>;
export const snapshotFileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.(wfsnap|html)$/);
export const snapshotOpenSchema = z.union([
  z.object({ fileName: snapshotFileNameSchema }),
  /** A file the page read itself (browser mode's picker, drag and drop): base64, 200 MB at most. */
  z.object({ name: snapshotFileNameSchema, data: z.string().max(280_000_000) }),
]);
export type SnapshotOpen = z.infer<typeof snapshotOpenSchema>;
export const snapshotAnnotateSchema = z.object({
  fileName: snapshotFileNameSchema,
  notes: z.string().max(20_000),
  annotations: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        at: z.number(),
        text: z.string().min(1).max(2_000),
        author: z.string().max(200),
        seriesKey: z.string().max(300).optional(),
      }),
    )
    .max(1_000),
});
export type SnapshotAnnotate = z.infer<typeof snapshotAnnotateSchema>;
export const snapshotFileSchema = z.object({
  fileName: z.string(),
  size: z.number(),
  /** Where browser mode serves it (token-guarded); the desktop app shows the folder instead. */
  downloadPath: z.string(),
});
export type SnapshotFileInfo = z.infer<typeof snapshotFileSchema>;

export interface ConsoleApi {
  getState(): Promise<ConsoleState>;
  submitAction(request: ActionRequest): Promise<ActionRecord>;
  addEndpoint(config: EndpointConfig): Promise<EndpointStatus>;
  updateEndpoint(id: string, config: EndpointConfig): Promise<EndpointStatus>;
  removeEndpoint(id: string): Promise<void>;
  /** Dial now, skipping the backoff wait (for a failed or reconnecting link). */
  reconnectEndpoint(id: string): Promise<void>;
  acknowledgeAlert(id: string): Promise<void>;
  /** The audit log, newest first. */
  queryAudit(query: AuditQuery): Promise<AuditEntry[]>;
  /** Changes layout, theme, playlist, operator name or windows; returns the new settings. */
  updateSettings(patch: SettingsPatch): Promise<void>;
  /** Writes the last windowMs (an hour by default) of everything to a .wfsnap. */
  exportSnapshot(request: SnapshotExport): Promise<SnapshotFileInfo>;
  /** Reads a snapshot for review: validated, with points decimated for charts. */
  openSnapshot(request: SnapshotOpen): Promise<Snapshot>;
  annotateSnapshot(request: SnapshotAnnotate): Promise<SnapshotFileInfo>;
  /** A self-contained HTML report of a snapshot, beside it. */
  exportReport(request: { fileName: string }): Promise<SnapshotFileInfo>;
  /** Subscribes to the delta stream; returns the unsubscribe function. */
  onDelta(listener: (delta: ConsoleDelta) => void): () => void;
}

/** Browser-host RPC method names over its loopback WebSocket. */
export const WEB_RPC = {
  getState: 'console.getState',
  submitAction: 'console.submitAction',
  addEndpoint: 'console.addEndpoint',
  updateEndpoint: 'console.updateEndpoint',
  removeEndpoint: 'console.removeEndpoint',
  reconnectEndpoint: 'console.reconnectEndpoint',
  acknowledgeAlert: 'console.acknowledgeAlert',
  queryAudit: 'console.queryAudit',
  updateSettings: 'console.updateSettings',
  exportSnapshot: 'console.exportSnapshot',
  openSnapshot: 'console.openSnapshot',
  annotateSnapshot: 'console.annotateSnapshot',
  exportReport: 'console.exportReport',
  delta: 'console.delta',
} as const;

export const seriesKey = (endpointId: string, seriesId: string): string =>
  `${endpointId}/${seriesId}`;
