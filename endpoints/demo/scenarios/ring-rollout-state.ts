// Reading a progressive rollout off an environment's rings: which version is
// moving, where it is, what it is compared with, and who is affected. Rings
// are in order; a ring's share counts everyone up to it, the last one is all.
import type { EnvironmentState, Ring } from '../../../shared/protocol';

/** The release under test: fine for internal staff, failing for real customers. */
export const BAD_VERSION = '5.9.0';
export const FIRST_RING = 'internal';

export interface Rollout {
  /** The version moving through the rings; absent once every ring runs the same one. */
  release?: string;
  /** What the rings not yet reached run: what each ring is compared with. */
  baseline: string;
  /** Rings running the release, in order. */
  reached: Ring[];
  /** The last ring the release reached: where it is now. */
  current?: Ring;
  /** Where ring.promote takes it by default. */
  next?: Ring;
}

export function rolloutOf(env: EnvironmentState): Rollout {
  const rings = env.rings ?? [];
  const baseline = rings.at(-1)?.version ?? env.version;
  if (baseline === env.version) return { baseline, reached: [] };
  const reached = rings.filter((r) => r.version === env.version);
  const current = reached.at(-1);
  const next = current ? rings[rings.indexOf(current) + 1] : rings[0];
  return { release: env.version, baseline, reached, current, next };
}

export interface CohortShare {
  ring: Ring;
  /** This ring's own users: its share minus the share of the ring before. */
  share: number;
  /** The version they run at the time asked about. */
  version: string;
}

/** Each ring's own users and version at `now` (a ring reached later still ran the baseline). */
export function cohortsAt(env: EnvironmentState, now: number): CohortShare[] {
  const rings = env.rings ?? [];
  const { baseline } = rolloutOf(env);
  return rings.map((ring, i) => ({
    ring,
    share: ring.share - (rings[i - 1]?.share ?? 0),
    version: (ring.since ?? 0) <= now ? ring.version : baseline,
  }));
}

export const failing = (c: { ring: Ring; version: string }): boolean =>
  c.version === BAD_VERSION && c.ring.id !== FIRST_RING;

/** Share of all users on a failing cohort at `now`. */
export function failingShare(env: EnvironmentState, now: number): number {
  return cohortsAt(env, now)
    .filter(failing)
    .reduce((sum, c) => sum + c.share, 0);
}

/** Reached rings complete; the last one active (or halted) until the release reaches all. */
export function withStatuses(rings: Ring[], release: string, halted = false): Ring[] {
  const reached = rings.filter((r) => r.version === release);
  const everywhere = reached.length === rings.length;
  const current = reached.at(-1);
  return rings.map((r) => {
    const ring = withoutStatus(r);
    if (r.version !== release) return ring;
    if (r !== current || everywhere) return { ...ring, status: 'complete' };
    return { ...ring, status: halted ? 'halted' : 'active' };
  });
}

/** A ring the release has not reached (or has left) carries no rollout status. */
export function withoutStatus(ring: Ring): Ring {
  const copy = { ...ring };
  delete copy.status;
  return copy;
}

export const healthOf = (env: EnvironmentState, now: number): EnvironmentState['status'] =>
  failingShare(env, now) > 0 ? 'degraded' : 'healthy';
