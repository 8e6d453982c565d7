// What the console says of its link to each endpoint, and how the operator
// configures one (the token is write-only: it never comes back).
import { z } from 'zod';
import { actionNameSchema } from '../protocol';
import { endpointUrlProblem } from '../rules/endpoint-url';

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

/** An endpoint as the user configures it. The token is write-only. */
export const endpointConfigSchema = z.object({
  url: z
    .string()
    .max(2_000)
    .superRefine((url, ctx) => {
      const problem = endpointUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
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
