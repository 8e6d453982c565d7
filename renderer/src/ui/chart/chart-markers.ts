// Deploys, rollbacks, flag changes and operators' actions as markers on the
// charts of the service they touch: an event whose subject is `billing/...`
// marks every chart of a billing series from the same endpoint. Markers closer
// than a chart can tell apart are drawn as one, with every detail in its tooltip.
import type { ActionRecord } from '../../../../shared/api/actions';
import type { ConsoleEvent } from '../../../../shared/api/console-state';
import type { ConsoleSeries } from '../../../../shared/api/series';
import type { ConsoleStore } from '../../store/console-store';
import { actionSummary } from '../action-summary';
import { eventSentence, subjectWords } from './event-sentence';
import { stateMarkersOf } from './state-markers';

export interface ChartMarker {
  at: number;
  /** A short sentence on the chart: "Rolled back 2.14.0 → 2.13.2". */
  label: string;
  /** The whole story, for the tooltip and the detail view. */
  detail: string;
  kind: 'event' | 'action';
}

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const KIND: Record<string, string> = {
  'deploy.started': 'Deploy',
  'deploy.finished': 'Deploy',
  'deploy.rolledback': 'Rollback',
  'build.failed': 'Build',
  'build.passed': 'Build',
  'flag.changed': 'Flag',
  'capacity.scaled': 'Scale',
  'ring.promoted': 'Ring',
  'ring.halted': 'Ring',
  'patch.applied': 'Patch',
};

/** A word for what kind of change an event is, as a list's badge: "Rollback", "Flag". */
export function eventLabel(event: ConsoleEvent): string {
  if (event.type === 'deploy.started' && event.data?.reason === 'rollback') return 'Rollback';
  return KIND[event.type] ?? 'Event';
}

/** The whole story of an event: when, where and what. */
export function eventDetail(event: ConsoleEvent): string {
  const at = clock.format(new Date(event.time));
  const where = subjectWords(event.subject);
  return `${at} ${where ? `${where}: ` : ''}${eventSentence(event)}`;
}

const touches = (series: ConsoleSeries, subject: string | undefined): boolean =>
  series.service !== undefined && (subject?.startsWith(`${series.service}/`) ?? false);

function actionMarker(record: ActionRecord): ChartMarker {
  const summary = actionSummary(record, record.fromVersion);
  const where = `${record.args.service} ${record.args.environment}`;
  return {
    at: record.submittedAt,
    label: `${summary} (${record.state})`,
    detail: `${clock.format(new Date(record.submittedAt))} ${where}: ${summary} by ${record.operator}, ${record.state}`,
    kind: 'action',
  };
}

/** Every marker of one series, oldest first. */
export function markersOf(store: ConsoleStore, series: ConsoleSeries): ChartMarker[] {
  if (series.service === undefined) return [];
  const markers: ChartMarker[] = [];
  for (const event of store.events) {
    if (event.endpointId !== series.endpointId || !touches(series, event.subject)) continue;
    const at = Date.parse(event.time);
    if (Number.isFinite(at)) {
      markers.push({ at, label: eventSentence(event), detail: eventDetail(event), kind: 'event' });
    }
  }
  markers.push(
    ...stateMarkersOf(store.deployments, store.events, series.endpointId, series.service).map(
      (marker) => ({ ...marker, detail: `${clock.format(new Date(marker.at))} ${marker.detail}` }),
    ),
  );
  for (const record of Object.values(store.actions)) {
    if (record.endpointId !== series.endpointId || record.args.service !== series.service) continue;
    markers.push(actionMarker(record));
  }
  return markers.sort((a, b) => a.at - b.at);
}

/** Markers within [start, end], those closer than `gapMs` merged into one. */
export function clusterMarkers(
  markers: ChartMarker[],
  start: number,
  end: number,
  gapMs: number,
): ChartMarker[] {
  const clusters: ChartMarker[] = [];
  let count = 0;
  for (const marker of markers) {
    if (marker.at < start || marker.at > end) continue;
    const last = clusters.at(-1);
    if (last && marker.at - last.at <= gapMs) {
      count += 1;
      // The latest change names the cluster: it is where things stand.
      clusters[clusters.length - 1] = {
        ...marker,
        at: last.at,
        label: `${marker.label} (+${count} earlier)`,
        detail: `${last.detail}\n${marker.detail}`,
      };
    } else {
      count = 0;
      clusters.push(marker);
    }
  }
  return clusters;
}
