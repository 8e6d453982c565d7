// An audit entry's arguments in a few words, as the rest of the console says
// them ("Rollback → 2.13.2", "Flag new-invoice-editor off in beta"); anything
// this console does not know how to read is listed as it is.
import type { AuditEntry } from '../../../../shared/api/audit';
import { actionCallSchema } from '../../../../shared/protocol';
import { actionSummary } from '../../ui/action-summary';

export function auditArgsSummary(entry: AuditEntry): string {
  if (entry.action === 'autohalt.arm' || entry.action === 'autohalt.disarm') {
    const { version, after } = entry.args;
    const when = typeof after === 'number' ? `: halt after ${after} evaluations worse` : '';
    return `${String(version)}${when}`;
  }
  const parsed = actionCallSchema.safeParse({ action: entry.action, args: entry.args });
  if (parsed.success) return actionSummary(parsed.data);
  return Object.entries(entry.args)
    .filter(([name]) => name !== 'service' && name !== 'environment')
    .map(([name, value]) => `${name} ${JSON.stringify(value)}`)
    .join(', ');
}

/** `billing/production`, from the entry's arguments. */
export function auditTarget(entry: AuditEntry): string {
  const { service, environment } = entry.args;
  const words = [service, environment].filter((part) => typeof part === 'string');
  return words.join('/');
}
