// A release as it rolls out ring by ring, with its gates: each gate metric's
// value in the release's ring against the baseline version, and a verdict.
import { z } from 'zod';
import { ringSchema } from '../protocol';

export const gateVerdictSchema = z.enum(['better', 'same', 'worse', 'nodata']);
export type GateVerdict = z.infer<typeof gateVerdictSchema>;

export const releaseGateSchema = z.object({
  metric: z.string(),
  title: z.string(),
  unit: z.string(),
  /** Series keys, for charts. */
  releaseKey: z.string(),
  baselineKey: z.string().optional(),
  releaseValue: z.number().optional(),
  baselineValue: z.number().optional(),
  /** (release − baseline) / baseline. */
  difference: z.number().optional(),
  tolerance: z.number(),
  direction: z.enum(['above', 'below']),
  verdict: gateVerdictSchema,
  /** Since when the gate has passed without a break (epoch ms). */
  passingSince: z.number().optional(),
});
export type ReleaseGate = z.infer<typeof releaseGateSchema>;

export const releaseStatusSchema = z.object({
  endpointId: z.string(),
  service: z.string(),
  serviceName: z.string(),
  environment: z.string(),
  version: z.string(),
  baselineVersion: z.string(),
  rings: z.array(ringSchema),
  /** The furthest ring running the release. */
  ring: ringSchema,
  nextRing: ringSchema.optional(),
  gates: z.array(releaseGateSchema),
  /**
   * Set while a gate in the release's ring is worse than the baseline beyond
   * its tolerance: the ring is failing, whether or not anyone looks.
   */
  failing: z
    .object({
      /** The worst gates first, with their values. */
      gates: z.array(z.string()),
      /** When it started failing (epoch ms, the console's clock). */
      since: z.number(),
      /** Consecutive evaluations it has failed in. */
      evaluations: z.number().int().min(1),
    })
    .optional(),
  promote: z.object({
    allowed: z.boolean(),
    /** Why not, in words an operator can act on. */
    reason: z.string().optional(),
    /** When the soak time ends, if gates keep passing. */
    readyAt: z.number().optional(),
  }),
});
export type ReleaseStatus = z.infer<typeof releaseStatusSchema>;
