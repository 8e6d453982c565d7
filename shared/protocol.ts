// The watchfloor.v1 wire protocol between a console and an endpoint.
// One JSON-RPC 2.0 object per WebSocket text frame. These schemas are the
// single source of truth: the console validates every frame with them and the
// demo endpoint builds its frames from the same types.
import { z } from 'zod';

export const SUBPROTOCOL = 'watchfloor.v1';
/** Frames larger than this are refused before parsing (bytes). */
export const MAX_FRAME_BYTES = 1024 * 1024;

export const LEVELS = ['business', 'service', 'technical'] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

const id = z.string().min(1).max(128);

export const thresholdsSchema = z.object({
  warning: z.number().finite(),
  critical: z.number().finite(),
  /** `above`: values above the limits are bad (CPU); `below`: values below are bad (availability). */
  direction: z.enum(['above', 'below']),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const seriesInfoSchema = z.object({
  id,
  title: z.string().min(1).max(200),
  level: levelSchema,
  unit: z.string().max(40),
  kind: z.enum(['gauge', 'counter']),
  intervalMs: z.number().int().min(100).max(3_600_000),
  thresholds: thresholdsSchema.optional(),
  /** Service this series belongs to, so actions on that service can be marked on its charts. */
  service: id.optional(),
});
export type SeriesInfo = z.infer<typeof seriesInfoSchema>;

/** Compact batch: many points of one series per entry, [time ms, value] pairs. */
export const sampleBatchSchema = z.object({
  series: id,
  points: z.array(z.tuple([z.number().finite(), z.number().finite()])).max(100_000),
});
export type SampleBatch = z.infer<typeof sampleBatchSchema>;

export const environmentStateSchema = z.object({
  id,
  version: z.string().min(1).max(64),
  previousVersions: z.array(z.string().min(1).max(64)).max(50),
  status: z.enum(['healthy', 'degraded', 'deploying', 'rolling-back', 'failed']),
  updatedAt: z.number().finite(),
});
export type EnvironmentState = z.infer<typeof environmentStateSchema>;

export const serviceStateSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  environments: z.array(environmentStateSchema).max(20),
});
export type ServiceState = z.infer<typeof serviceStateSchema>;

export const ACTION_NAMES = ['deploy.rollback'] as const;
export const actionNameSchema = z.enum(ACTION_NAMES);
export type ActionName = z.infer<typeof actionNameSchema>;

export const rollbackArgsSchema = z.object({
  service: id,
  environment: id,
  /** Version to restore; the previous one when absent. */
  toVersion: z.string().min(1).max(64).optional(),
});
export type RollbackArgs = z.infer<typeof rollbackArgsSchema>;

export const ACTION_STATES = [
  'pending',
  'accepted',
  'rejected',
  'running',
  'succeeded',
  'failed',
  'unknown',
] as const;
export const actionStateSchema = z.enum(ACTION_STATES);
export type ActionState = z.infer<typeof actionStateSchema>;

// ---- endpoint -> console -------------------------------------------------

export const helloResultSchema = z.object({
  protocol: z.literal(SUBPROTOCOL),
  endpoint: z.object({ id, name: z.string().min(1).max(200) }),
  roles: z.array(z.enum(['metrics', 'deployments'])).max(2),
  actions: z.array(z.string().max(64)).max(50),
  clock: z.number().finite(),
});
export type HelloResult = z.infer<typeof helloResultSchema>;

export const catalogParamsSchema = z.object({ series: z.array(seriesInfoSchema).max(10_000) });
export const samplesParamsSchema = z.object({ batches: z.array(sampleBatchSchema).max(10_000) });
export const deploymentsParamsSchema = z.object({
  resourceVersion: z.number().int().nonnegative(),
  services: z.array(serviceStateSchema).max(1_000),
});
export const actionStatusParamsSchema = z.object({
  key: id,
  state: z.enum(['running', 'succeeded', 'failed']),
  message: z.string().max(2_000).optional(),
});
export type ActionStatusParams = z.infer<typeof actionStatusParamsSchema>;

const notification = <M extends string, P extends z.ZodType>(method: M, params: P) =>
  z.object({ jsonrpc: z.literal('2.0'), method: z.literal(method), params });

export const endpointNotificationSchema = z.discriminatedUnion('method', [
  notification('catalog', catalogParamsSchema),
  notification('samples', samplesParamsSchema),
  notification('deployments', deploymentsParamsSchema),
  notification('action.status', actionStatusParamsSchema),
]);
export type EndpointNotification = z.infer<typeof endpointNotificationSchema>;

export const rpcErrorSchema = z.object({
  code: z.number().int(),
  message: z.string().max(2_000),
  data: z.unknown().optional(),
});
export type RpcError = z.infer<typeof rpcErrorSchema>;

export const rpcResponseSchema = z.union([
  z.object({ jsonrpc: z.literal('2.0'), id: z.number().int(), result: z.unknown() }),
  z.object({ jsonrpc: z.literal('2.0'), id: z.number().int().nullable(), error: rpcErrorSchema }),
]);
export type RpcResponse = z.infer<typeof rpcResponseSchema>;

export const submitResultSchema = z.union([
  z.object({ accepted: z.literal(true) }),
  z.object({ accepted: z.literal(false), reason: z.string().max(2_000) }),
]);
export type SubmitResult = z.infer<typeof submitResultSchema>;

// ---- console -> endpoint -------------------------------------------------

export const helloParamsSchema = z.object({
  protocol: z.literal(SUBPROTOCOL),
  client: z.object({ name: z.string().max(200), version: z.string().max(64) }),
  clock: z.number().finite(),
});
export type HelloParams = z.infer<typeof helloParamsSchema>;

export const actionSubmitParamsSchema = z.object({
  key: id,
  action: actionNameSchema,
  args: rollbackArgsSchema,
});
export type ActionSubmitParams = z.infer<typeof actionSubmitParamsSchema>;

export const consoleRequestSchema = z.discriminatedUnion('method', [
  z.object({
    jsonrpc: z.literal('2.0'),
    id: z.number().int(),
    method: z.literal('hello'),
    params: helloParamsSchema,
  }),
  z.object({
    jsonrpc: z.literal('2.0'),
    id: z.number().int(),
    method: z.literal('action.submit'),
    params: actionSubmitParamsSchema,
  }),
]);
export type ConsoleRequest = z.infer<typeof consoleRequestSchema>;

/** JSON-RPC 2.0 standard error codes, plus ours from -32000 down. */
export const RPC_ERRORS = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  idempotencyConflict: -32001,
  actionUnsupported: -32002,
} as const;
