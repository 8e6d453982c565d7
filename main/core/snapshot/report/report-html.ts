// The incident report: a snapshot as one self-contained HTML page that opens
// in any browser with no network. No scripts at all, a CSP that forbids
// loading anything, styles inline, charts as inline SVG rendered here by
// ECharts, and every string from the snapshot HTML-escaped.
import type { AlertTransition } from '../../../../shared/api/alerts';
import type { ConsoleSeries } from '../../../../shared/api/series';
import { LEVELS } from '../../../../shared/protocol';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { MARK_COLORS, ReportCharts, type ChartMarks } from './report-chart';
import { escapeHtml, utcTime } from './report-escape';
import { REPORT_CSS } from './report-style';
import {
  actionsTable,
  alertTimelineTable,
  alertsTable,
  annotationsTable,
  auditTable,
  deploymentsTable,
  endpointsTable,
  eventsTable,
  releasesTable,
} from './report-tables';
import { TimeSlicer } from '../snapshot-slicer';
import { displayUnit } from '../../../../shared/rules/value-format';
import { deploymentTimeline } from './report-timeline';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The whole report at once: ~10 ms per series, so prefer renderReportAsync for big snapshots. */
export function renderReport(snapshot: Snapshot): string {
  const charts = new ReportCharts();
  try {
    return [...reportParts(snapshot, charts)].join('\n');
  } finally {
    charts.dispose();
  }
}

/** The same page, yielding to the event loop between charts (2,000 series take ~20 s). */
export async function renderReportAsync(snapshot: Snapshot): Promise<string> {
  const charts = new ReportCharts();
  const slicer = new TimeSlicer();
  const parts: string[] = [];
  try {
    for (const part of reportParts(snapshot, charts)) {
      parts.push(part);
      await slicer.maybeYield();
    }
    return parts.join('\n');
  } finally {
    charts.dispose();
  }
}

function* reportParts(snapshot: Snapshot, charts: ReportCharts): Generator<string> {
  yield documentHead(snapshot);
  yield notesSection(snapshot);
  // What happened and what was done first, then what the wall showed, then the record.
  yield alertsTable(snapshot);
  yield alertTimelineTable(snapshot);
  yield actionsTable(snapshot);
  yield deploymentTimeline(snapshot);
  yield annotationsTable(snapshot);
  yield* seriesSections(snapshot, charts);
  yield eventsTable(snapshot);
  yield deploymentsTable(snapshot);
  yield releasesTable(snapshot);
  yield auditTable(snapshot);
  yield endpointsTable(snapshot);
  yield '</body>\n</html>\n';
}

function documentHead(snapshot: Snapshot): string {
  const { meta } = snapshot;
  const title = escapeHtml(meta.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Watchfloor ${escapeHtml(meta.appVersion)}">
<title>${title} · Watchfloor incident report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="meta">Window ${escapeHtml(utcTime(meta.window.from))} to ${escapeHtml(utcTime(meta.window.to))} (UTC) ·
exported ${escapeHtml(utcTime(meta.createdAt))} by ${escapeHtml(meta.createdBy)} · Watchfloor ${escapeHtml(meta.appVersion)} ·
${snapshot.series.length} series${omittedNote(snapshot)}</p>
</header>`;
}

function omittedNote(snapshot: Snapshot): string {
  const omitted = snapshot.omitted;
  if (!omitted) return '';
  return ` · ${omitted.seriesCount} series left out (${escapeHtml(omitted.reason)})`;
}

function notesSection(snapshot: Snapshot): string {
  const notes = snapshot.meta.notes.trim();
  const body = notes
    ? `<div class="notes">${escapeHtml(notes)}</div>`
    : '<p class="meta">No notes.</p>';
  return `<section id="notes"><h2>Notes</h2>\n${body}\n</section>`;
}

function* seriesSections(snapshot: Snapshot, charts: ReportCharts): Generator<string> {
  yield `<section id="series"><h2>Series</h2>
<p class="legend"><span><i style="border-color:${MARK_COLORS.warning}"></i>warning threshold</span><span><i style="border-color:${MARK_COLORS.critical}"></i>critical threshold</span><span><i style="border-color:${MARK_COLORS.event}"></i>event</span><span><i style="border-color:${MARK_COLORS.action}"></i>action</span><span><i style="border-color:${MARK_COLORS.annotation}"></i>annotation</span><span><i style="border-color:${MARK_COLORS.firing};border-top-width:8px"></i>alert firing</span></p>`;
  const names = new Map(snapshot.endpoints.map((e) => [e.id, e.name]));
  const spells = firingSpells(snapshot);
  for (const level of LEVELS) {
    const inLevel = snapshot.series.filter((s) => s.level === level);
    if (!inLevel.length) continue;
    yield `<h3>${level}</h3>`;
    for (const series of inLevel) {
      const points = snapshot.points[series.key] ?? { t: [], v: [] };
      const svg = charts.render(
        series,
        points,
        snapshot.meta.window,
        marksFor(snapshot, series, spells),
      );
      yield `<figure class="chart">${caption(series, names.get(series.endpointId))}\n${svg}\n</figure>`;
    }
  }
  yield '</section>';
}

function caption(series: ConsoleSeries, endpointName = series.endpointId): string {
  const error = series.error ? `<span class="error">error: ${escapeHtml(series.error)}</span>` : '';
  return `<figcaption><strong>${escapeHtml(series.title)}</strong><span class="unit">${escapeHtml(displayUnit(series.unit))}</span><span class="source">${escapeHtml(endpointName)} · ${escapeHtml(series.key)}</span>${error}</figcaption>`;
}

/** Events and actions of the series' service, its annotations, and its alerts' firing spells. */
function marksFor(
  snapshot: Snapshot,
  series: ConsoleSeries,
  spells: Map<string, [number, number][]>,
): ChartMarks {
  const sameService = (endpointId: string, service: unknown) =>
    series.service !== undefined && endpointId === series.endpointId && service === series.service;
  return {
    events: snapshot.events
      .filter((e) => sameService(e.endpointId, e.subject?.split('/')[0]))
      .map((e) => Date.parse(e.time)),
    actions: snapshot.actions
      .filter((a) => sameService(a.endpointId, a.args.service))
      .map((a) => a.submittedAt),
    annotations: snapshot.annotations.filter((a) => a.seriesKey === series.key).map((a) => a.at),
    firing: spells.get(series.key) ?? [],
  };
}

/** Per series key, when its alerts fired and until they resolved (or the window ended). */
function firingSpells(snapshot: Snapshot): Map<string, [number, number][]> {
  const transitions = new Map<string, AlertTransition[]>();
  for (const t of snapshot.alertTimeline) {
    transitions.set(t.alertId, [...(transitions.get(t.alertId) ?? []), t]);
  }
  const spells = new Map<string, [number, number][]>();
  for (const alert of snapshot.alerts) {
    const timeline = transitions.get(alert.id) ?? [];
    // firedAt first: the bounded timeline may have lost the first firing and kept an escalation.
    const fired = alert.firedAt ?? timeline.find((t) => t.state === 'firing')?.at;
    if (fired === undefined) continue;
    const resolved =
      timeline.find((t) => t.state === 'resolved')?.at ??
      alert.resolvedAt ??
      snapshot.meta.window.to;
    spells.set(alert.seriesKey, [...(spells.get(alert.seriesKey) ?? []), [fired, resolved]]);
  }
  return spells;
}
