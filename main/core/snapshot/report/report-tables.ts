// The report's tables: endpoints, alerts and their timeline, actions, audit
// entries, events, deployments and annotations. Cells are plain text and
// table() escapes every one of them, so no caller can forget to.
import type { Snapshot } from '../../../../shared/api/snapshot';
import { formatValue } from '../../../../shared/rules/value-format';
import { actionSentence } from './report-action-sentence';
import { escapeHtml, utcTime } from './report-escape';

type Cell = string | number | undefined;

export function table(id: string, title: string, headers: string[], rows: Cell[][]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.length
    ? rows
        .map(
          (row) =>
            `<tr>${row.map((cell) => `${cellOpen(cell)}${escapeHtml(text(cell))}</td>`).join('')}</tr>`,
        )
        .join('\n')
    : `<tr><td colspan="${headers.length}" class="empty">None in this window.</td></tr>`;
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></section>`;
}

/** A time stays on one line: "2025-01-15 11:03:23Z" never wraps at its hyphens. */
function cellOpen(cell: Cell): string {
  return typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d/.test(cell)
    ? '<td class="time">'
    : '<td>';
}

function text(cell: Cell): string {
  return cell === undefined ? '' : String(cell);
}

export function endpointsTable(snapshot: Snapshot): string {
  return table(
    'endpoints',
    'Endpoints',
    ['Name', 'URL', 'State at export', 'Clock skew (ms)'],
    snapshot.endpoints.map((e) => [e.name, e.url, e.state, e.clockSkewMs]),
  );
}

export function alertsTable(snapshot: Snapshot): string {
  return table(
    'alerts',
    'Alerts',
    [
      'Alert',
      'Series',
      'Severity',
      'State at export',
      'Since',
      'Fired',
      'Resolved',
      'Acknowledged',
    ],
    snapshot.alerts.map((a) => [
      a.title,
      a.seriesKey,
      a.severity,
      a.state,
      utcTime(a.since),
      a.firedAt === undefined ? '' : utcTime(a.firedAt),
      a.resolvedAt === undefined ? '' : utcTime(a.resolvedAt),
      a.acknowledged ? `${a.acknowledged.by} at ${utcTime(a.acknowledged.at)}` : '',
    ]),
  );
}

/** A value with its unit, as the wall writes it: "12.35 s", "14 signups/min". */
export function valueWithUnit(value: number | undefined, unit: string | undefined): string {
  if (value === undefined) return '';
  const shown = formatValue(value, unit ?? '');
  return shown.unit ? `${shown.text} ${shown.unit}` : shown.text;
}

export function alertTimelineTable(snapshot: Snapshot): string {
  const titles = new Map(snapshot.alerts.map((a) => [a.id, `${a.title} (${a.severity})`]));
  const units = new Map(snapshot.series.map((series) => [series.key, series.unit]));
  const unitOf = new Map(snapshot.alerts.map((a) => [a.id, units.get(a.seriesKey)]));
  const transitions = [...snapshot.alertTimeline].sort((a, b) => a.at - b.at);
  return table(
    'alert-timeline',
    'Alert timeline',
    ['Time', 'Alert', 'State', 'Note', 'Value'],
    transitions.map((t) => [
      utcTime(t.at),
      titles.get(t.alertId) ?? t.alertId,
      t.state,
      t.note,
      valueWithUnit(t.value, unitOf.get(t.alertId)),
    ]),
  );
}

export function actionsTable(snapshot: Snapshot): string {
  const actions = [...snapshot.actions].sort((a, b) => a.submittedAt - b.submittedAt);
  return table(
    'actions',
    'Actions',
    ['Submitted', 'Updated', 'Endpoint', 'What was done'],
    actions.map((a) => [
      utcTime(a.submittedAt),
      utcTime(a.updatedAt),
      a.endpointId,
      actionSentence(a, snapshot),
    ]),
  );
}

export function auditTable(snapshot: Snapshot): string {
  return table(
    'audit',
    'Audit log',
    ['#', 'Time', 'Operator', 'Endpoint', 'Action', 'Key', 'State', 'Reason', 'Message'],
    snapshot.audit.map((e) => [
      e.seq,
      e.at,
      e.operator,
      e.endpointId,
      e.action,
      e.key,
      e.state,
      e.reason,
      e.message,
    ]),
  );
}

export function eventsTable(snapshot: Snapshot): string {
  const events = [...snapshot.events].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return table(
    'events',
    'Events',
    ['Time', 'Endpoint', 'Type', 'Subject', 'Source'],
    events.map((e) => [e.time, e.endpointId, e.type, e.subject, e.source]),
  );
}

export function deploymentsTable(snapshot: Snapshot): string {
  const rows = snapshot.deployments.flatMap((d) =>
    d.services.flatMap((service) =>
      service.environments.map((env) => [
        d.endpointId,
        service.name,
        env.id,
        env.version,
        env.status,
        env.previousVersions.join(', '),
        utcTime(env.updatedAt),
      ]),
    ),
  );
  return table(
    'deployments',
    'Deployments at export',
    ['Endpoint', 'Service', 'Environment', 'Version', 'Status', 'Previous versions', 'Updated'],
    rows,
  );
}

export function annotationsTable(snapshot: Snapshot): string {
  const annotations = [...snapshot.annotations].sort((a, b) => a.at - b.at);
  return table(
    'annotations',
    'Annotations',
    ['Time', 'Author', 'Series', 'Text'],
    annotations.map((a) => [utcTime(a.at), a.author, a.seriesKey ?? 'the whole incident', a.text]),
  );
}

export function releasesTable(snapshot: Snapshot): string {
  return table(
    'releases',
    'Releases at export',
    ['Endpoint', 'Service', 'Environment', 'Version', 'Baseline', 'Ring', 'Gates', 'Promotion'],
    snapshot.releases.map((r) => [
      r.endpointId,
      r.serviceName,
      r.environment,
      r.version,
      r.baselineVersion,
      `${r.ring.name} (${Math.round(r.ring.share * 100)}%)${r.nextRing ? ` → ${r.nextRing.name}` : ''}`,
      r.gates.map((g) => `${g.title}: ${g.verdict}${gateDifference(g.difference)}`).join('; '),
      r.promote.allowed ? 'allowed' : `blocked${r.promote.reason ? `: ${r.promote.reason}` : ''}`,
    ]),
  );
}

function gateDifference(difference: number | undefined): string {
  if (difference === undefined) return '';
  const percent = Math.round(difference * 1000) / 10;
  return ` (${percent > 0 ? '+' : ''}${percent}%)`;
}
