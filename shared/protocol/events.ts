// Events (deploy started, build failed, flag changed, scaled, ...), shaped
// as CloudEvents 1.0 in their JSON format.
import { z } from 'zod';
import { freeFormObjectSchema } from './json-limits';

export const EVENT_TYPES = [
  'deploy.started',
  'deploy.finished',
  'deploy.rolledback',
  'build.failed',
  'build.passed',
  'flag.changed',
  'capacity.scaled',
  'ring.promoted',
  'ring.halted',
  'patch.applied',
] as const;

export const cloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(200),
  source: z.string().min(1).max(500),
  /** One of EVENT_TYPES, or a reverse-DNS type of the endpoint's own. */
  type: z.string().min(1).max(200),
  time: z.string().datetime({ offset: true }),
  /** The service (and environment) the event is about: `billing/production`. */
  subject: z.string().max(300).optional(),
  datacontenttype: z.literal('application/json').optional(),
  /** Free-form, within JSON_LIMITS. */
  data: freeFormObjectSchema.optional(),
});
export type CloudEvent = z.infer<typeof cloudEventSchema>;
