// The actions an endpoint may carry out, with their arguments, and the
// lifecycle every action goes through.
import { z } from 'zod';
import { freeFormObjectSchema } from './json-limits';
import { id } from './ids';

const target = { service: id, environment: id };
const version = z.string().min(1).max(64);

export const actionArgsSchemas = {
  /** Re-run a broken build (the latest one when `build` is absent). */
  'build.retry': z.object({ ...target, build: id.optional() }),
  /** Flip a feature flag, for one ring or (without `ring`) for everyone. */
  'flag.set': z.object({ ...target, flag: id, enabled: z.boolean(), ring: id.optional() }),
  /**
   * Deploy a patch release. Where the environment rolls out in rings it goes
   * ring by ring, first ring first; `allRings` sends it to every ring at once.
   */
  'patch.apply': z.object({ ...target, version, allRings: z.boolean().optional() }),
  /** Restore an earlier version: the previous one when `toVersion` is absent. */
  'deploy.rollback': z.object({ ...target, toVersion: version.optional() }),
  /** Add (positive) or remove (negative) servers, CPU cores or storage (GB). */
  'capacity.scale': z.object({
    ...target,
    resource: z.enum(['servers', 'cpu', 'storageGb']),
    change: z
      .number()
      .int()
      .min(-1000)
      .max(1000)
      .refine((n) => n !== 0, 'change must not be zero'),
  }),
  /** Move a release on to the next ring of users. */
  'ring.promote': z.object({ ...target, version: version.optional(), toRing: id.optional() }),
  /** Stop a release where it is. */
  'ring.halt': z.object({ ...target, version: version.optional() }),
} as const;

export type ActionName = keyof typeof actionArgsSchemas;
export const ACTION_NAMES = Object.keys(actionArgsSchemas) as [ActionName, ...ActionName[]];
export const actionNameSchema = z.enum(ACTION_NAMES);
export type ActionArgs<A extends ActionName = ActionName> = z.infer<(typeof actionArgsSchemas)[A]>;
export type RollbackArgs = ActionArgs<'deploy.rollback'>;

const call = <A extends ActionName>(name: A) =>
  z.object({ action: z.literal(name), args: actionArgsSchemas[name] });

/** `{ action, args }` with args checked against that action's schema. */
export const actionCallSchema = z.discriminatedUnion('action', [
  call('build.retry'),
  call('flag.set'),
  call('patch.apply'),
  call('deploy.rollback'),
  call('capacity.scale'),
  call('ring.promote'),
  call('ring.halt'),
]);
export type ActionCall = z.infer<typeof actionCallSchema>;

/** What an endpoint announces it can do. */
export const actionDescriptorSchema = z.object({
  /** An action of this protocol; consoles ignore names they do not know (a newer endpoint's). */
  name: z.string().min(1).max(64),
  title: z.string().max(200).optional(),
  /** JSON Schema of the arguments this endpoint accepts (a subset of ours). */
  argsSchema: freeFormObjectSchema.optional(),
});
export type ActionDescriptor = z.infer<typeof actionDescriptorSchema>;

/** Console-side states: `pending` until the endpoint replies; `unknown` after a timeout or lost link. */
export const ACTION_STATES = [
  'pending',
  'accepted',
  'rejected',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'unknown',
] as const;
export const actionStateSchema = z.enum(ACTION_STATES);
export type ActionState = z.infer<typeof actionStateSchema>;

/**
 * What an endpoint reports of an action: in notifications and in `action.get`
 * replies. The optional description (v1.1: action, args, operator, reason,
 * submittedAt) lets every console show an action another console or tool
 * started; a console that submitted the key itself needs none of it.
 */
export const actionStatusSchema = z.object({
  key: id,
  state: z.enum(['accepted', 'running', 'succeeded', 'failed', 'cancelled']),
  message: z.string().max(2_000).optional(),
  updatedAt: z.number().finite().optional(),
  /** The action's name; a console checks `args` against it and ignores a description it cannot read. */
  action: z.string().min(1).max(64).optional(),
  args: freeFormObjectSchema.optional(),
  /** Who asked and why, as the submitter said (`action.submit`'s `operator` and `reason`). */
  operator: z.string().max(200).optional(),
  reason: z.string().max(2_000).optional(),
  /** When the endpoint received the submit, epoch ms on the endpoint's clock. */
  submittedAt: z.number().finite().optional(),
});
export type ActionStatus = z.infer<typeof actionStatusSchema>;

export const submitResultSchema = z.union([
  z.object({ accepted: z.literal(true) }),
  z.object({ accepted: z.literal(false), reason: z.string().max(2_000) }),
]);
export type SubmitResult = z.infer<typeof submitResultSchema>;
