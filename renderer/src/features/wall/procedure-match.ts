// Procedures on an alerting tile: what the endpoint suggests for this
// series at this severity, as action calls the confirmation can prefill, and
// which action (from this console or, as the endpoint reported it, from
// another one) answered the alert, and what may be offered after it.
import type { Alert } from '../../../../shared/api/alerts';
import type { ActionRecord } from '../../../../shared/api/actions';
import type { ConsoleSeries } from '../../../../shared/api/series';
import { actionCallSchema, type ActionCall, type Procedure } from '../../../../shared/protocol';

export interface Suggestion {
  procedure: Procedure;
  call: ActionCall;
}

/** A fix this recent (ms) is still shown with its outcome on the tile. */
export const FIX_SHOWN_MS = 10 * 60_000;

/** The procedures the alert (else its series) carries for the alert's severity, as valid calls. */
export function suggestionsFor(alert: Alert, series: ConsoleSeries): Suggestion[] {
  if (alert.state !== 'firing') return [];
  if (alert.severity !== 'warning' && alert.severity !== 'critical') return [];
  const procedures = alert.procedures?.length ? alert.procedures : (series.procedures ?? []);
  return procedures
    .filter((procedure) => procedure.when === alert.severity)
    .flatMap((procedure) => {
      const parsed = actionCallSchema.safeParse({ action: procedure.action, args: procedure.args });
      return parsed.success ? [{ procedure, call: parsed.data }] : [];
    });
}

/** Every procedure the tile may have suggested: its series', and each of its alerts'. */
export function allProcedures(series: ConsoleSeries, alerts: Alert[]): Procedure[] {
  return [...(series.procedures ?? []), ...alerts.flatMap((alert) => alert.procedures ?? [])];
}

/** Same action on the same service and environment (the arguments may differ). */
export const sameTarget = (
  record: ActionRecord,
  other: { action: string; args: Record<string, unknown> },
): boolean =>
  record.action === other.action &&
  record.args.service === other.args.service &&
  record.args.environment === other.args.environment;

export interface Fix {
  record: ActionRecord;
  /** The alert that was open when the fix was submitted. */
  alert: Alert;
  procedure: Procedure;
}

/**
 * The newest action on this endpoint doing what one of the tile's procedures
 * does (same action, service and environment: the operator may have changed a
 * version), submitted while one of the tile's alerts was open.
 */
export function findFix(
  records: ActionRecord[],
  series: ConsoleSeries,
  alerts: Alert[],
  now: number,
): Fix | undefined {
  const procedures = allProcedures(series, alerts);
  let best: Fix | undefined;
  for (const record of records) {
    if (record.endpointId !== series.endpointId) continue;
    if (now - record.submittedAt > FIX_SHOWN_MS) continue;
    if (best && best.record.submittedAt >= record.submittedAt) continue;
    const procedure = procedures.find((candidate) => sameTarget(record, candidate));
    if (!procedure) continue;
    const alert = openAt(alerts, record.submittedAt);
    if (alert) best = { record, alert, procedure };
  }
  return best;
}

function openAt(alerts: Alert[], at: number): Alert | undefined {
  return alerts
    .filter(
      (alert) => alert.since <= at && (alert.resolvedAt === undefined || alert.resolvedAt >= at),
    )
    .sort((a, b) => b.since - a.since)[0];
}

export type Recovery =
  | { kind: 'watching'; elapsedMs: number; expectMs: number | undefined }
  | { kind: 'recovered'; afterMs: number; late: boolean }
  | { kind: 'not-recovered'; afterMs: number };

/** After a fix succeeded: did the alert resolve within the procedure's expected time? */
export function recoveryOf(fix: Fix, alert: Alert, now: number): Recovery | undefined {
  if (fix.record.state !== 'succeeded') return undefined;
  const doneAt = fix.record.updatedAt;
  const expectMs = fix.procedure.expectRecoveryMs;
  if (alert.state === 'resolved' && alert.resolvedAt !== undefined) {
    const afterMs = Math.max(0, alert.resolvedAt - doneAt);
    return { kind: 'recovered', afterMs, late: expectMs !== undefined && afterMs > expectMs };
  }
  const elapsedMs = Math.max(0, now - doneAt);
  if (expectMs !== undefined && elapsedMs > expectMs)
    return { kind: 'not-recovered', afterMs: expectMs };
  return { kind: 'watching', elapsedMs, expectMs };
}

/**
 * What the tile still offers. A fix taken by anyone (here or elsewhere) and
 * not failed holds every offer back while it runs and while recovery is
 * watched; only when recovery fails is the next procedure offered (never the
 * same one again). A fix that was refused, failed or cancelled offers all again.
 */
export function offeredAfter(
  suggestions: Suggestion[],
  fix: Fix | undefined,
  recovery: Recovery | undefined,
): Suggestion[] {
  if (!fix || ['rejected', 'failed', 'cancelled', 'unknown'].includes(fix.record.state))
    return suggestions;
  if (recovery?.kind !== 'not-recovered') return [];
  return suggestions.filter(({ call }) => !sameTarget(fix.record, call));
}
