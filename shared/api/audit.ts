// One audit-log line: who did what, when, why, and how it turned out.
import { z } from 'zod';
import { ACTION_NAMES, actionStateSchema } from '../protocol';

/** What the console itself does that is audited but is no endpoint action. */
export const CONSOLE_AUDIT_ACTIONS = ['autohalt.arm', 'autohalt.disarm'] as const;
/** An audit line's action: an endpoint action, or one of the console's own. */
export const AUDIT_ACTIONS = [...ACTION_NAMES, ...CONSOLE_AUDIT_ACTIONS] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  /** ISO 8601 time of the transition. */
  at: z.string(),
  operator: z.string(),
  endpointId: z.string(),
  key: z.string(),
  action: auditActionSchema,
  args: z.record(z.string(), z.unknown()),
  state: actionStateSchema,
  /** Promoted past failing release gates. */
  override: z.boolean().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  /** Taken elsewhere (another console or tool): operator and reason as the endpoint reported them. */
  elsewhere: z.boolean().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  text: z.string().max(200).optional(),
  action: auditActionSchema.optional(),
  state: z.string().max(40).optional(),
  since: z.number().optional(),
  until: z.number().optional(),
  limit: z.number().int().min(1).max(5_000).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
