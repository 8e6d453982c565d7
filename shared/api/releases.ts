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

/** Fewest and most consecutive failing evaluations (one a second) an automatic halt waits for. */
export const AUTO_HALT_AFTER = { min: 1, max: 60, default: 3 } as const;

/**
 * Automatic halt, armed on this console by an operator for one release: when
 * its ring stays worse for `after` consecutive evaluations, the console sends
 * `ring.halt` with a key derived from the release, ring and verdict, so every
 * console armed on it sends the same one.
 */
export const autoHaltSchema = z.object({
  after: z.number().int().min(AUTO_HALT_AFTER.min).max(AUTO_HALT_AFTER.max),
  armedBy: z.string(),
  armedAt: z.number(),
  /** The halt it sent: its idempotency key, when, in which ring, and why. */
  fired: z
    .object({ key: z.string(), at: z.number(), ring: z.string(), cause: z.string() })
    .optional(),
});
export type AutoHalt = z.infer<typeof autoHaltSchema>;

/** Arm (or disarm) the automatic halt of one release, as the renderer asks for it. */
export const autoHaltRequestSchema = z.object({
  endpointId: z.string().min(1).max(128),
  service: z.string().min(1).max(128),
  environment: z.string().min(1).max(128),
  version: z.string().min(1).max(64),
  armed: z.boolean(),
  after: z
    .number()
    .int()
    .min(AUTO_HALT_AFTER.min)
    .max(AUTO_HALT_AFTER.max)
    .default(AUTO_HALT_AFTER.default),
});
export type AutoHaltRequest = z.infer<typeof autoHaltRequestSchema>;

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
  /** Set while this console has the automatic halt armed for the release. */
  autoHalt: autoHaltSchema.optional(),
  promote: z.object({
    allowed: z.boolean(),
    /** Why not, in words an operator can act on. */
    reason: z.string().optional(),
    /** When the soak time ends, if gates keep passing. */
    readyAt: z.number().optional(),
  }),
});
export type ReleaseStatus = z.infer<typeof releaseStatusSchema>;
