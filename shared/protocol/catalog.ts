// The metric catalog: what each series is, how to read it, and what to do
// when it goes out of bounds.
import { z } from 'zod';
import { freeFormObjectSchema } from './json-limits';
import { actionNameSchema } from './actions';
import { id } from './ids';

export const LEVELS = ['business', 'service', 'technical'] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

export const thresholdsSchema = z.object({
  warning: z.number().finite(),
  critical: z.number().finite(),
  /** `above`: high values are bad (CPU); `below`: low values are bad (availability). */
  direction: z.enum(['above', 'below']),
  /** How long a condition must hold before the alert fires (ms). */
  forMs: z.number().int().min(0).max(86_400_000).optional(),
  /** How long it must be clear before the alert resolves (ms). */
  recoveryMs: z.number().int().min(0).max(86_400_000).optional(),
  /** For release gates: the largest acceptable relative difference to the baseline. */
  tolerance: z.number().min(0).max(10).optional(),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const procedureSchema = z.object({
  /** Which condition this procedure addresses. */
  when: z.enum(['warning', 'critical']),
  title: z.string().min(1).max(200),
  action: actionNameSchema,
  args: freeFormObjectSchema,
  /** How soon the metric should recover after the action (ms). */
  expectRecoveryMs: z.number().int().min(0).max(86_400_000).optional(),
});
export type Procedure = z.infer<typeof procedureSchema>;

export const seriesInfoSchema = z.object({
  id,
  title: z.string().min(1).max(200),
  level: levelSchema,
  /** UCUM-style unit as OpenTelemetry uses it: `%`, `ms`, `{request}/min`, `By`. */
  unit: z.string().max(40),
  kind: z.enum(['gauge', 'counter']),
  /** Expected time between samples; three missed intervals make the series stale. */
  intervalMs: z.number().int().min(100).max(3_600_000),
  description: z.string().max(2_000).optional(),
  thresholds: thresholdsSchema.optional(),
  /** The service this series belongs to, so its deploys and actions mark its charts. */
  service: id.optional(),
  /** Dimensions such as ring and version, for per-ring, per-version series. */
  attributes: z.record(z.string().max(64), z.string().max(200)).optional(),
  procedures: z.array(procedureSchema).max(20).optional(),
});
export type SeriesInfo = z.infer<typeof seriesInfoSchema>;
