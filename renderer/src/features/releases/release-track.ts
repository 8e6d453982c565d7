// A release track: one service in one environment that rolls out ring by
// ring. It has a release while a version is moving through its rings; once
// every ring runs the same version (finished, or rolled back) the track stays,
// so the operator sees where the rollout ended instead of a vanished page.
import { useMemo } from 'react';
import type { EndpointDeployments } from '../../../../shared/api/console-state';
import type { Ring } from '../../../../shared/protocol';
import type { ReleaseStatus } from '../../../../shared/api/releases';
import { useConsoleStore } from '../../store/console-store';

export interface ReleaseTrack {
  id: string;
  endpointId: string;
  service: string;
  serviceName: string;
  environment: string;
  rings: Ring[];
  /** The version moving through the rings, with its gates; absent when none is. */
  release: ReleaseStatus | undefined;
}

export const trackId = (endpointId: string, service: string, environment: string): string =>
  `${endpointId}/${service}/${environment}`;

/** Releases first, in the core's order; then environments with rings and nothing moving. */
export function releaseTracks(
  releases: ReleaseStatus[],
  deployments: EndpointDeployments[],
): ReleaseTrack[] {
  const tracks: ReleaseTrack[] = releases.map((release) => ({
    id: trackId(release.endpointId, release.service, release.environment),
    endpointId: release.endpointId,
    service: release.service,
    serviceName: release.serviceName,
    environment: release.environment,
    rings: release.rings,
    release,
  }));
  const known = new Set(tracks.map((track) => track.id));
  for (const { endpointId, services } of deployments) {
    for (const service of services) {
      for (const env of service.environments) {
        const id = trackId(endpointId, service.id, env.id);
        if (known.has(id) || (env.rings?.length ?? 0) < 2) continue;
        tracks.push({
          id,
          endpointId,
          service: service.id,
          serviceName: service.name,
          environment: env.id,
          rings: env.rings ?? [],
          release: undefined,
        });
      }
    }
  }
  return tracks;
}

/** The chosen track if it is still there, else the first with a release, else the first. */
export function chooseTrack(
  tracks: ReleaseTrack[],
  chosen: string | undefined,
): ReleaseTrack | undefined {
  return (
    tracks.find((track) => track.id === chosen) ??
    tracks.find((track) => track.release) ??
    tracks[0]
  );
}

/** "Web app · production · 5.9.0 in Beta customers", for the picker. */
export function trackLabel(track: ReleaseTrack): string {
  const where = `${track.serviceName} · ${track.environment}`;
  if (!track.release) return `${where} · every ring on ${track.rings.at(-1)?.version ?? '?'}`;
  return `${where} · ${track.release.version} in ${track.release.ring.name}`;
}

export function useReleaseTracks(): ReleaseTrack[] {
  const releases = useConsoleStore((store) => store.releases);
  const deployments = useConsoleStore((store) => store.deployments);
  return useMemo(() => releaseTracks(releases, deployments), [releases, deployments]);
}
