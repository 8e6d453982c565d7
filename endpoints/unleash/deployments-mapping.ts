// Unleash as the protocol's deployment state: each project is a service,
// each environment an environment, each feature a flag with its state per
// ring, and one feature per environment (pinned in the config, or the one
// partly rolled out) is the release the rings show moving.
import type { EnvironmentState, Ring, ServiceState } from '../../shared/protocol';
import type { UnleashEnvironment, UnleashFeature, UnleashProject } from './unleash-client';
import { flagState, isHalted, ringsOn, type RingMapping } from './ring-mapping';

/** What the bridge read from Unleash in one pass. */
export interface UnleashView {
  environments: UnleashEnvironment[];
  projects: Array<{ project: UnleashProject; features: UnleashFeature[] }>;
}

/** What rings not reached by a release run: the feature off. */
export const BASELINE = 'baseline';

const MAX_ENVIRONMENTS = 20;
const MAX_FLAGS = 200;

const TIERS: Record<string, EnvironmentState['tier']> = {
  production: 'production',
  preproduction: 'staging',
  test: 'staging',
  development: 'development',
};

export function mapServices(
  view: UnleashView,
  mapping: RingMapping,
  releases: Record<string, string>,
  updatedAt: number,
): ServiceState[] {
  const environments = view.environments
    .filter((env) => env.enabled)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .slice(0, MAX_ENVIRONMENTS);
  return view.projects.map(({ project, features }) => ({
    id: project.id,
    name: project.name || project.id,
    environments: environments.map((env) =>
      mapEnvironment(env, features, mapping, releases[project.id], updatedAt),
    ),
  }));
}

function mapEnvironment(
  env: UnleashEnvironment,
  features: UnleashFeature[],
  mapping: RingMapping,
  pinned: string | undefined,
  updatedAt: number,
): EnvironmentState {
  const flags = features.slice(0, MAX_FLAGS).flatMap((feature) => {
    const state = feature.environments.find((e) => e.name === env.name);
    if (!state) return [];
    const name = feature.description?.trim().slice(0, 200);
    return [{ id: feature.name, ...(name ? { name } : {}), enabled: flagState(state, mapping) }];
  });
  const release = releaseOf(env.name, features, mapping, pinned);
  return {
    id: env.name,
    tier: TIERS[env.type] ?? 'other',
    version: release ? versionOf(release.name) : BASELINE,
    previousVersions: [],
    status: 'healthy',
    updatedAt,
    rings: mapRings(env.name, release, mapping),
    flags,
  };
}

/** The pinned feature, else the newest one on for some rings but not all. */
export function releaseOf(
  environment: string,
  features: UnleashFeature[],
  mapping: RingMapping,
  pinned: string | undefined,
): UnleashFeature | undefined {
  if (pinned !== undefined) return features.find((feature) => feature.name === pinned);
  const partial = features.filter((feature) => {
    const state = feature.environments.find((e) => e.name === environment);
    const on = state ? ringsOn(state, mapping) : [];
    return on.includes(true) && on.includes(false);
  });
  return partial.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
}

function mapRings(
  environment: string,
  release: UnleashFeature | undefined,
  mapping: RingMapping,
): Ring[] {
  const state = release?.environments.find((e) => e.name === environment);
  const on = state ? ringsOn(state, mapping) : mapping.rings.map(() => false);
  const current = on.lastIndexOf(true);
  const halted = state ? isHalted(state, mapping) : false;
  const moving = current >= 0 && current < on.length - 1;
  return mapping.rings.map((ring, index) => ({
    id: ring.id,
    name: ring.name,
    share: ring.share,
    version: on[index] && release ? versionOf(release.name) : BASELINE,
    ...(moving && index === current ? { status: halted ? 'halted' : 'active' } : {}),
    ...(on[index] && (!moving || index < current) ? { status: 'complete' } : {}),
  }));
}

/** Versions are at most 64 characters; Unleash names up to 100. */
export const versionOf = (feature: string): string => feature.slice(0, 64);
