// Deploys, rollbacks, flag changes and operators' actions as markers on the
// charts of the service they touch: an event whose subject is `billing/...`
// marks every chart of a billing series from the same endpoint. Markers closer
// than a chart can tell apart are drawn as one, with every detail in its tooltip.
import type { ActionRecord } from '../../../../shared/api/actions';
import type { ConsoleEvent } from '../../../../shared/api/console-state';
import type { ConsoleSeries } from '../../../../shared/api/series';
import type { ConsoleStore } from '../../store/console-store';
import { actionSummary } from '../action-summary';

export interface ChartMarker {
  at: number;
  /** A word or two on the chart: "rollback", "flag". */
  label: string;
  /** The whole story, for the tooltip and the detail view. */
  detail: string;
  kind: 'event' | 'action';
}

const EVENT_LABEL: Record<string, string> = {
  'deploy.started': 'deploy',
  'deploy.finished': 'deployed',
  'deploy.rolledback': 'rollback',
  'build.failed': 'build failed',
  'build.passed': 'build',
  'flag.changed': 'flag',
  'capacity.scaled': 'scale',
  'ring.promoted': 'promote',
  'ring.halted': 'halt',
  'patch.applied': 'patch',
};

const ACTION_LABEL: Record<ActionRecord['action'], string> = {
  'deploy.rollback': 'rollback',
  'build.retry': 'retry',
  'flag.set': 'flag',
  'patch.apply': 'patch',
  'capacity.scale': 'scale',
  'ring.promote': 'promote',
  'ring.halt': 'halt',
};

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function eventLabel(event: ConsoleEvent): string {
  if (event.type === 'deploy.started' && event.data?.reason === 'rollback') return 'rollback';
  return EVENT_LABEL[event.type] ?? event.type.split('.').at(-1) ?? event.type;
}

function dataWords(data: Record<string, unknown> | undefined): string {
  if (!data) return '';
  const { from, to, ...rest } = data;
  const words: string[] = [];
  if (typeof from === 'string' && typeof to === 'string') words.push(`${from} → ${to}`);
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      words.push(`${key} ${String(value)}`);
    }
  }
  return words.join(', ');
}

export function eventDetail(event: ConsoleEvent): string {
  const at = clock.format(new Date(event.time));
  const words = dataWords(event.data);
  return `${at} ${event.type} ${event.subject ?? ''}${words ? `: ${words}` : ''}`.trim();
}

const touches = (series: ConsoleSeries, subject: string | undefined): boolean =>
  series.service !== undefined && (subject?.startsWith(`${series.service}/`) ?? false);

/** Every marker of one series, oldest first. */
export function markersOf(store: ConsoleStore, series: ConsoleSeries): ChartMarker[] {
  if (series.service === undefined) return [];
  const markers: ChartMarker[] = [];
  for (const event of store.events) {
    if (event.endpointId !== series.endpointId || !touches(series, event.subject)) continue;
    const at = Date.parse(event.time);
    if (Number.isFinite(at)) {
      markers.push({ at, label: eventLabel(event), detail: eventDetail(event), kind: 'event' });
    }
  }
  for (const record of Object.values(store.actions)) {
    if (record.endpointId !== series.endpointId || record.args.service !== series.service) continue;
    const summary = actionSummary(record, record.fromVersion);
    markers.push({
      at: record.submittedAt,
      label: ACTION_LABEL[record.action],
      detail: `${clock.format(new Date(record.submittedAt))} ${summary} by ${record.operator}: ${record.state}`,
      kind: 'action',
    });
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
      clusters[clusters.length - 1] = {
        ...last,
        label: `${last.label.replace(/ \+\d+$/, '')} +${count}`,
        detail: `${last.detail}\n${marker.detail}`,
      };
    } else {
      count = 0;
      clusters.push(marker);
    }
  }
  return clusters;
}
