// What a service really runs across its rings: the stable version (what the
// last ring, everyone, runs) and each other version with the share of users
// it reaches, so a card never says "5.9.0" while 5.9.0 reaches 1 % of users.
import type { EnvironmentState } from '../../../../shared/protocol';

export interface RingVersion {
  version: string;
  /** Share of users on it: the furthest ring running it counts every user up to it. */
  share: number;
  /** That furthest ring. */
  ring: string;
}

export interface ServiceVersions {
  stable: string;
  rings: RingVersion[];
}

export function serviceVersions(env: EnvironmentState): ServiceVersions {
  const rings = env.rings ?? [];
  const stable = rings.at(-1)?.version ?? env.version;
  const furthest = new Map<string, RingVersion>();
  for (const ring of rings) {
    if (ring.version === stable) continue;
    furthest.set(ring.version, { version: ring.version, share: ring.share, ring: ring.id });
  }
  return { stable, rings: [...furthest.values()] };
}

const share = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "5.9.0 on 5 % (beta)". */
export const ringVersionWords = (ring: RingVersion): string =>
  `${ring.version} on ${share.format(ring.share * 100)} % (${ring.ring})`;

/** "5.8.1 · 5.9.0 on 5 % (beta)"; just "5.8.1" when every ring runs it. */
export const serviceVersionWords = (env: EnvironmentState): string => {
  const { stable, rings } = serviceVersions(env);
  return [stable, ...rings.map(ringVersionWords)].join(' · ');
};
