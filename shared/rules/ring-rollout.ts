// Reading a progressive rollout off an environment's rings (in rollout order,
// the last one everyone): which version is moving, the ring it is active in,
// where a promotion takes it, and what the rings not yet reached still run.
// A ring's share counts every user up to and including it, so the last is 1.
import type { EnvironmentState, Ring } from '../protocol';

export interface Rollout {
  /** The version moving through the rings; absent when every ring runs the same one. */
  release?: string;
  /** What the rings not reached yet run (the last ring's version). */
  baseline: string;
  /** Rings running the release, in order. */
  reached: Ring[];
  /** Where the release is now: the active (or halted) ring, else the furthest reached. */
  current?: Ring;
  /** Rings after the current one: where a promotion may take it, the next one first. */
  later: Ring[];
}

export function rolloutOf(env: EnvironmentState): Rollout {
  const rings = env.rings ?? [];
  const last = rings.at(-1);
  if (!last || last.version === env.version) {
    return { baseline: last?.version ?? env.version, reached: [], later: [] };
  }
  const reached = rings.filter((ring) => ring.version === env.version);
  const current =
    rings.find((ring) => ring.status === 'active' || ring.status === 'halted') ?? reached.at(-1);
  const later = current ? rings.slice(rings.indexOf(current) + 1) : rings;
  return { release: env.version, baseline: last.version, reached, current, later };
}

/** 0.05 → "5%", 0.005 → "0.5%". */
export function percent(share: number): string {
  const value = share * 100;
  const digits = value > 0 && value < 1 ? 1 : 0;
  return `${value.toFixed(digits)}%`;
}

/** "Beta customers (beta, 5% of users)". */
export const ringWords = (ring: Ring): string =>
  `${ring.name} (${ring.id}, ${percent(ring.share)} of users)`;

/** Whether a ring is everyone: the last ring of a rollout, or a share of 100%. */
export const isEveryone = (ring: Ring | undefined, rings: Ring[] = []): boolean =>
  ring !== undefined && (ring.share >= 1 || ring === rings.at(-1));

/** Whether a flag is on in a ring: its own setting, else the global default (`*`), else off. */
export function flagOnIn(enabled: Record<string, boolean>, ring: string): boolean {
  return enabled[ring] ?? enabled['*'] ?? false;
}

export interface AutoHaltTarget {
  service: string;
  environment: string;
  ring: string;
  version: string;
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, the same in every console. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The idempotency key of an automatic halt, derived from the release, the
 * ring and the verdict, never from anything local (endpoint ids are per
 * console): several consoles watching one release send one halt.
 */
export function autoHaltKey(target: AutoHaltTarget): string {
  const text = `${target.service}\n${target.environment}\n${target.ring}\n${target.version}\nworse`;
  const reversed = [...text].reverse().join('');
  return `auto-halt-${fnv1a(text)}${fnv1a(reversed)}`;
}

/** Halt once a ring still rolling has been worse for the armed number of consecutive evaluations. */
export const autoHaltDue = (
  ring: Pick<Ring, 'status'>,
  failingEvaluations: number | undefined,
  after: number,
): boolean => ring.status === 'active' && (failingEvaluations ?? 0) >= after;

/** Whether some ring runs another version than the last (everyone's): a release is moving. */
export function releaseMoving(env: EnvironmentState): boolean {
  const rings = env.rings ?? [];
  const everyone = rings.at(-1);
  return everyone !== undefined && rings.some((ring) => ring.version !== everyone.version);
}
