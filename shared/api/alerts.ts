// Alerts as the console raises them from thresholds and silence, and the
// timeline of their transitions.
import { z } from 'zod';
import { procedureSchema, thresholdsSchema } from '../protocol';

export const alertSeveritySchema = z.enum(['warning', 'critical', 'stale', 'nodata']);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

export const alertSchema = z.object({
  id: z.string(),
  seriesKey: z.string(),
  endpointId: z.string(),
  title: z.string(),
  severity: alertSeveritySchema,
  /** pending: the condition holds but not yet for its for-duration. */
  state: z.enum(['pending', 'firing', 'resolved']),
  /** When the condition started. */
  since: z.number(),
  firedAt: z.number().optional(),
  resolvedAt: z.number().optional(),
  value: z.number().optional(),
  service: z.string().optional(),
  thresholds: thresholdsSchema.optional(),
  procedures: z.array(procedureSchema).optional(),
  acknowledged: z.object({ by: z.string(), at: z.number() }).optional(),
  /** `endpoint`: the endpoint is unreachable (one alert for all its series). */
  scope: z.enum(['series', 'endpoint']).optional(),
  /** The service's version when the alert started, not today's. */
  version: z.string().optional(),
  /** Several firings in a short window: one alert, kept open until quiet. */
  flapping: z.object({ since: z.number(), firings: z.number().int() }).optional(),
  /** Muted by another alert (an unreachable endpoint mutes its series' stale alerts). */
  inhibitedBy: z.string().optional(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertTransitionSchema = z.object({
  at: z.number(),
  alertId: z.string(),
  state: z.enum(['pending', 'firing', 'resolved']),
  note: z.string(),
  value: z.number().optional(),
  /** The alert's title, on a pending blip's transitions: the blip is in no alert list. */
  title: z.string().optional(),
});
export type AlertTransition = z.infer<typeof alertTransitionSchema>;
