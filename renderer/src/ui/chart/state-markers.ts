// Changes an endpoint reports only as state: a version running since
// `updatedAt`, a build that finished at `finishedAt`, both from before this
// console connected, so no event ever told of them. Each becomes a marker at
// its time, unless an event of the same subject already tells of it; once
// seen, a marker is remembered, so the deploy still shows after a rollback.
import type { ConsoleEvent, EndpointDeployments } from '../../../../shared/api/console-state';
import type { EnvironmentState } from '../../../../shared/protocol';
import type { ChartMarker } from './chart-markers';

/** An event this close to a state change is taken to be about it. */
const SAME_CHANGE_MS = 60_000;
const REMEMBERED = 500;

interface StateMarker extends ChartMarker {
  endpointId: string;
  subject: string;
}

const remembered = new Map<string, StateMarker>();

function environmentMarkers(
  endpointId: string,
  service: string,
  env: EnvironmentState,
): StateMarker[] {
  const subject = `${service}/${env.id}`;
  const where = `${service} ${env.id}`;
  const out: StateMarker[] = [];
  // A failed environment did not take the version it reports; its build says why.
  if (env.status !== 'failed') {
    const was = env.previousVersions[0];
    const label = `Deployed ${env.version}${was ? ` (was ${was})` : ''}`;
    out.push({
      endpointId,
      subject,
      at: env.updatedAt,
      label,
      detail: `${where}: ${label}`,
      kind: 'event',
    });
  }
  const build = env.build;
  if (build?.finishedAt !== undefined && build.status !== 'running' && build.status !== 'queued') {
    const label = `Build ${build.id} ${build.status} (${build.version})`;
    out.push({
      endpointId,
      subject,
      at: build.finishedAt,
      label,
      detail: `${where}: ${label}`,
      kind: 'event',
    });
  }
  return out;
}

function remember(deployments: EndpointDeployments[]): void {
  for (const { endpointId, services } of deployments) {
    for (const service of services) {
      for (const env of service.environments) {
        for (const marker of environmentMarkers(endpointId, service.id, env)) {
          remembered.set(
            `${endpointId}\u0000${marker.subject}\u0000${marker.label}\u0000${marker.at}`,
            marker,
          );
        }
      }
    }
  }
  for (const key of [...remembered.keys()].slice(0, Math.max(0, remembered.size - REMEMBERED))) {
    remembered.delete(key);
  }
}

const toldBy = (marker: StateMarker, events: ConsoleEvent[]): boolean =>
  events.some(
    (event) =>
      event.endpointId === marker.endpointId &&
      event.subject === marker.subject &&
      Math.abs(Date.parse(event.time) - marker.at) <= SAME_CHANGE_MS,
  );

/** The state markers of one service of one endpoint, seen now or before. */
export function stateMarkersOf(
  deployments: EndpointDeployments[],
  events: ConsoleEvent[],
  endpointId: string,
  service: string,
): ChartMarker[] {
  remember(deployments);
  const out: ChartMarker[] = [];
  for (const marker of remembered.values()) {
    if (marker.endpointId !== endpointId || !marker.subject.startsWith(`${service}/`)) continue;
    if (toldBy(marker, events)) continue;
    const { at, label, detail, kind } = marker;
    out.push({ at, label, detail, kind });
  }
  return out;
}

/** For tests: every console window starts with nothing remembered. */
export function forgetStateMarkers(): void {
  remembered.clear();
}
