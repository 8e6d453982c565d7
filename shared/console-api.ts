// The ConsoleApi: what the renderer may ask of the main process, and the one
// delta it is pushed. Both hosts (Electron IPC and the browser host's
// WebSocket) carry exactly these shapes and validate them with these schemas.
import { z } from 'zod';
import {
  actionNameSchema,
  actionStateSchema,
  rollbackArgsSchema,
  seriesInfoSchema,
  serviceStateSchema,
} from './protocol';

export const linkStateSchema = z.enum(['connecting', 'connected', 'disconnected']);
export type LinkState = z.infer<typeof linkStateSchema>;

export const endpointStatusSchema = z.object({
  id: z.string(),
  url: z.string(),
  name: z.string(),
  state: linkStateSchema,
  /** Last problem seen on this link (refused, malformed frame, ...), kept until the next success. */
  lastError: z.string().optional(),
  actions: z.array(z.string()),
  /** Endpoint clock minus ours at handshake, ms. */
  clockSkewMs: z.number().optional(),
  framesRejected: z.number().int().nonnegative(),
});
export type EndpointStatus = z.infer<typeof endpointStatusSchema>;

/** A series as the console knows it: the endpoint's catalog entry keyed globally. */
export const consoleSeriesSchema = seriesInfoSchema.extend({
  key: z.string(),
  endpointId: z.string(),
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

export const actionRequestSchema = z.object({
  endpointId: z.string().min(1).max(128),
  /** One per operator intent, chosen by the renderer: a double click reuses it. */
  key: z
    .string()
    .min(8)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
  action: actionNameSchema,
  args: rollbackArgsSchema,
});
export type ActionRequest = z.infer<typeof actionRequestSchema>;

export const actionRecordSchema = actionRequestSchema.extend({
  state: actionStateSchema,
  message: z.string().optional(),
  submittedAt: z.number(),
  updatedAt: z.number(),
});
export type ActionRecord = z.infer<typeof actionRecordSchema>;

export const consoleStateSchema = z.object({
  endpoints: z.array(endpointStatusSchema),
  series: z.array(consoleSeriesSchema),
  points: z.record(z.string(), pointsSchema),
  deployments: z.array(endpointDeploymentsSchema),
  actions: z.array(actionRecordSchema),
});
export type ConsoleState = z.infer<typeof consoleStateSchema>;

/** Everything that changed since the previous flush, in one message. */
export const consoleDeltaSchema = z.object({
  seq: z.number().int(),
  endpoints: z.array(endpointStatusSchema).optional(),
  series: z.array(consoleSeriesSchema).optional(),
  /** New points per series key since the last delta (appended, in time order). */
  points: z.record(z.string(), pointsSchema).optional(),
  deployments: z.array(endpointDeploymentsSchema).optional(),
  actions: z.array(actionRecordSchema).optional(),
});
export type ConsoleDelta = z.infer<typeof consoleDeltaSchema>;

export interface ConsoleApi {
  getState(): Promise<ConsoleState>;
  submitAction(request: ActionRequest): Promise<ActionRecord>;
  /** Subscribes to the delta stream; returns the unsubscribe function. */
  onDelta(listener: (delta: ConsoleDelta) => void): () => void;
}

/** Browser-host RPC method names over its loopback WebSocket. */
export const WEB_RPC = {
  getState: 'console.getState',
  submitAction: 'console.submitAction',
  delta: 'console.delta',
} as const;

export const seriesKey = (endpointId: string, seriesId: string): string =>
  `${endpointId}/${seriesId}`;
