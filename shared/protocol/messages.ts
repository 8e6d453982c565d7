// Every message of watchfloor.v1: one JSON-RPC 2.0 object per text frame.
import { z } from 'zod';
import { freeFormValueSchema } from './json-limits';
import { actionCallSchema, actionDescriptorSchema, actionStatusSchema } from './actions';
import { seriesInfoSchema } from './catalog';
import { deploymentsChangeSchema, deploymentsSnapshotSchema } from './deployments';
import { cloudEventSchema } from './events';
import { id } from './ids';
import { sampleBatchSchema } from './samples';
import { SUBPROTOCOL } from './wire';

const rpcId = z.number().int().nonnegative();

// ---- handshake, both ways ----------------------------------------------------

export const helloParamsSchema = z.object({
  protocol: z.literal(SUBPROTOCOL),
  client: z.object({ id: id.optional(), name: z.string().max(200), version: z.string().max(64) }),
  /** The console's clock (epoch ms), so the endpoint can see skew too. */
  clock: z.number().finite(),
  /** Resume the deployments watch after this resourceVersion. */
  resume: z.object({ deploymentsVersion: z.number().int().nonnegative() }).optional(),
});
export type HelloParams = z.infer<typeof helloParamsSchema>;

export const helloResultSchema = z.object({
  protocol: z.literal(SUBPROTOCOL),
  endpoint: z.object({
    id,
    name: z.string().min(1).max(200),
    version: z.string().max(64).optional(),
  }),
  roles: z.array(z.enum(['metrics', 'deployments'])).max(2),
  actions: z.array(actionDescriptorSchema).max(50),
  /** The endpoint's clock (epoch ms) when it replied. */
  clock: z.number().finite(),
  /** How often the endpoint pings its consoles (informational: each side detects silence by its own pings). */
  heartbeatMs: z.number().int().min(1_000).max(300_000).optional(),
  /** `resumed`: only changes after the console's version follow; `relist`: a full snapshot follows. */
  deployments: z.enum(['resumed', 'relist']).optional(),
});
export type HelloResult = z.infer<typeof helloResultSchema>;

// ---- endpoint -> console notifications ---------------------------------------

const notification = <M extends string, P extends z.ZodType>(method: M, params: P) =>
  z.object({ jsonrpc: z.literal('2.0'), method: z.literal(method), params });

export const catalogParamsSchema = z.object({
  series: z.array(seriesInfoSchema).max(10_000),
  /** True when this list replaces the whole catalog (series not in it are gone). */
  replace: z.boolean().optional(),
});
export const samplesParamsSchema = z.object({ batches: z.array(sampleBatchSchema).max(10_000) });
export const seriesErrorParamsSchema = z.object({
  series: id,
  /** Absent message: the series is healthy again. */
  message: z.string().max(2_000).optional(),
});

export const endpointNotificationSchema = z.discriminatedUnion('method', [
  notification('catalog', catalogParamsSchema),
  notification('samples', samplesParamsSchema),
  notification('series.error', seriesErrorParamsSchema),
  notification('deployments.snapshot', deploymentsSnapshotSchema),
  notification('deployments.change', deploymentsChangeSchema),
  notification('event', cloudEventSchema),
  notification('action.status', actionStatusSchema),
]);
export type EndpointNotification = z.infer<typeof endpointNotificationSchema>;
export type NotificationMethod = EndpointNotification['method'];

// ---- responses -----------------------------------------------------------------

export const rpcErrorSchema = z.object({
  code: z.number().int(),
  message: z.string().max(2_000),
  data: freeFormValueSchema.optional(),
});
export type RpcError = z.infer<typeof rpcErrorSchema>;

export const rpcResponseSchema = z.union([
  z.object({ jsonrpc: z.literal('2.0'), id: rpcId, result: z.unknown() }),
  z.object({ jsonrpc: z.literal('2.0'), id: rpcId.nullable(), error: rpcErrorSchema }),
]);
export type RpcResponse = z.infer<typeof rpcResponseSchema>;

// ---- console -> endpoint requests ------------------------------------------------

export const actionSubmitParamsSchema = z.intersection(
  z.object({
    /** Chosen by the console, one per operator intent: the same key never runs twice. */
    key: id,
    /** Who asked, and why: for the endpoint's own audit trail. */
    operator: z.string().max(200).optional(),
    reason: z.string().max(2_000).optional(),
  }),
  actionCallSchema,
);
export type ActionSubmitParams = z.infer<typeof actionSubmitParamsSchema>;

export const actionGetParamsSchema = z.object({ key: id });

const request = <M extends string, P extends z.ZodType>(method: M, params: P) =>
  z.object({ jsonrpc: z.literal('2.0'), id: rpcId, method: z.literal(method), params });

export const consoleRequestSchema = z.discriminatedUnion('method', [
  request('hello', helloParamsSchema),
  request('action.submit', actionSubmitParamsSchema),
  request('action.get', actionGetParamsSchema),
]);
export type ConsoleRequest = z.infer<typeof consoleRequestSchema>;
