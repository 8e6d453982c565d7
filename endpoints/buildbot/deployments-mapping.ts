// Builders as deployment state: each mapped service/environment shows its
// builder's latest build; the environment is failed while its latest
// finished build is, healthy once one passes.
import type { EnvironmentState, ServiceState } from '../../shared/protocol';
import type { BuilderMapping } from './bridge-config';
import { toBuildState, type BuildSummary } from './build-summary';

export interface MappedBuilder {
  mapping: BuilderMapping;
  latest: BuildSummary | undefined;
  lastFinished: BuildSummary | undefined;
  /** Revisions of earlier finished builds, newest first (distinct). */
  earlierRevisions: string[];
}

/** A version string for a build: its revision, short, or its number without one. */
function versionOf(build: BuildSummary | undefined): string {
  if (!build) return 'none';
  return build.revision ? build.revision.slice(0, 12) : `#${build.number}`;
}

export function environmentOf(builder: MappedBuilder, buildbotUrl: string): EnvironmentState {
  const { mapping, latest, lastFinished } = builder;
  const changedAt = latest?.finishedAt ?? latest?.startedAt ?? 0;
  return {
    id: mapping.environment,
    ...(mapping.tier ? { tier: mapping.tier } : {}),
    version: versionOf(lastFinished ?? latest),
    previousVersions: builder.earlierRevisions
      .map((revision) => revision.slice(0, 12))
      .slice(0, 50),
    status: lastFinished?.status === 'failed' ? 'failed' : 'healthy',
    updatedAt: changedAt,
    ...(latest ? { build: toBuildState(latest, buildbotUrl) } : {}),
  };
}

/** The services, in the order their builders are mapped. */
export function servicesOf(builders: MappedBuilder[], buildbotUrl: string): ServiceState[] {
  const services = new Map<string, ServiceState>();
  for (const builder of builders) {
    const { service, serviceName } = builder.mapping;
    const entry = services.get(service) ?? {
      id: service,
      name: serviceName ?? service,
      environments: [],
    };
    if (serviceName) entry.name = serviceName;
    if (entry.environments.length < 20)
      entry.environments.push(environmentOf(builder, buildbotUrl));
    services.set(service, entry);
  }
  return [...services.values()];
}
