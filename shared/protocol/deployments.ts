// Deployment state: services × environments, versions, builds, rings of
// users and feature flags. Changes carry a resourceVersion so a reconnecting
// console can resume, or re-list when it is too far behind.
import { z } from 'zod';
import { id } from './ids';

const version = z.string().min(1).max(64);

export const buildStateSchema = z.object({
  id,
  status: z.enum(['passed', 'failed', 'running', 'queued']),
  version: version.optional(),
  failingTests: z.array(z.string().max(300)).max(500),
  finishedAt: z.number().finite().optional(),
});
export type BuildState = z.infer<typeof buildStateSchema>;

export const ringSchema = z.object({
  id,
  name: z.string().min(1).max(100),
  /** Share of all users in this ring, 0 to 1. */
  share: z.number().min(0).max(1),
  version,
  /** When the current version entered this ring. */
  since: z.number().finite().optional(),
  /** Minimum soak time before promoting out of this ring (ms). */
  minSoakMs: z.number().int().min(0).optional(),
  status: z.enum(['active', 'halted', 'complete']).optional(),
});
export type Ring = z.infer<typeof ringSchema>;

export const flagSchema = z.object({
  id,
  name: z.string().max(200).optional(),
  /** Whether the flag is on, per ring id; `*` is the global default. */
  enabled: z.record(z.string().max(128), z.boolean()),
});
export type Flag = z.infer<typeof flagSchema>;

export const ENVIRONMENT_STATUSES = [
  'healthy',
  'degraded',
  'deploying',
  'rolling-back',
  'failed',
] as const;

/** What an environment is for; consoles ask for a typed confirmation in production. */
export const ENVIRONMENT_TIERS = ['production', 'staging', 'development', 'other'] as const;
export type EnvironmentTier = (typeof ENVIRONMENT_TIERS)[number];

export const environmentStateSchema = z.object({
  id,
  /** Absent: the console judges by the id (whole words production, prod, prd, live). */
  tier: z.enum(ENVIRONMENT_TIERS).optional(),
  version,
  /** Earlier versions, newest first: what a rollback can restore. */
  previousVersions: z.array(version).max(50),
  status: z.enum(ENVIRONMENT_STATUSES),
  updatedAt: z.number().finite(),
  build: buildStateSchema.optional(),
  /** Rings in rollout order; the last one is everyone. */
  rings: z.array(ringSchema).max(20).optional(),
  flags: z.array(flagSchema).max(200).optional(),
  /** Capacity in servers, CPU cores and storage. */
  capacity: z
    .object({
      servers: z.number().int().min(0).optional(),
      cpu: z.number().min(0).optional(),
      storageGb: z.number().min(0).optional(),
    })
    .optional(),
});
export type EnvironmentState = z.infer<typeof environmentStateSchema>;

export const serviceStateSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  environments: z.array(environmentStateSchema).max(20),
});
export type ServiceState = z.infer<typeof serviceStateSchema>;

export const deploymentsSnapshotSchema = z.object({
  resourceVersion: z.number().int().nonnegative(),
  services: z.array(serviceStateSchema).max(1_000),
});

export const deploymentsChangeSchema = z.object({
  resourceVersion: z.number().int().nonnegative(),
  /** The service as it is now; absent with `removed`. */
  service: serviceStateSchema.optional(),
  removed: id.optional(),
});
export type DeploymentsChange = z.infer<typeof deploymentsChangeSchema>;
