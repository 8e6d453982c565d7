// An action as the renderer asks for it, and its record as the console keeps it.
import { z } from 'zod';
import { actionCallSchema, actionStateSchema } from '../protocol';

export const actionKeySchema = z
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
    /** A rollback's starting version, as the console knew it at submit time. */
    fromVersion: z.string().optional(),
    submittedAt: z.number(),
    updatedAt: z.number(),
    /**
     * Taken elsewhere: another console or tool submitted it and this console
     * learnt of it from the endpoint's `action.status` (operator and reason as
     * the endpoint reported them).
     */
    elsewhere: z.boolean().optional(),
  }),
);
export type ActionRecord = z.infer<typeof actionRecordSchema>;
