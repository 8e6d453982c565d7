// The audit log's lines folded into one row per action: an action writes a
// line per lifecycle step (pending, accepted, running, succeeded), and a
// reader wants the action, where it stands, and its steps on request.
import type { AuditEntry } from '../../../../shared/api/audit';

export interface AuditActionRow {
  /** The endpoint and the action's idempotency key: one intent. */
  id: string;
  /** The newest line: where the action stands now. */
  latest: AuditEntry;
  /** The first line this log holds of it: when it was asked for. */
  first: AuditEntry;
  /** Every line, oldest first. */
  steps: AuditEntry[];
  /** The reason given, whichever line carries it. */
  reason: string | undefined;
  override: boolean;
  elsewhere: boolean;
}

/** Rows in the order of their newest line, as the log is read: newest first. */
export function auditRows(entries: AuditEntry[]): AuditActionRow[] {
  const groups = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    const id = `${entry.endpointId}\u0000${entry.key}`;
    const group = groups.get(id);
    if (group) group.push(entry);
    else groups.set(id, [entry]);
  }
  const rows: AuditActionRow[] = [];
  for (const [id, group] of groups) {
    const steps = [...group].sort((a, b) => a.seq - b.seq);
    const first = steps[0] as AuditEntry;
    const latest = steps.at(-1) as AuditEntry;
    rows.push({
      id,
      latest,
      first,
      steps,
      reason: steps.find((step) => step.reason)?.reason,
      override: steps.some((step) => step.override === true),
      elsewhere: steps.some((step) => step.elsewhere === true),
    });
  }
  return rows.sort((a, b) => b.latest.seq - a.latest.seq);
}
