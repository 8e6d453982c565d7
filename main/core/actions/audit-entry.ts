// What the audit log keeps of an action's transition. This console's own
// actions: every transition. An action taken elsewhere: one line, when its
// outcome is known, marked as such, with the operator and reason the endpoint
// reported; the idempotency key keeps it from being written twice.
import type { ActionRecord } from '../../../shared/api/actions';
import type { AuditEntry } from '../../../shared/api/audit';
import { isFinalActionState } from '../../../shared/rules/action-states';

/** The audit line for this transition, or undefined when none is written. */
export function auditEntryFor(record: ActionRecord): Omit<AuditEntry, 'seq'> | undefined {
  if (record.elsewhere && !isFinalActionState(record.state)) return undefined;
  return {
    at: new Date(record.updatedAt).toISOString(),
    operator: record.operator,
    endpointId: record.endpointId,
    key: record.key,
    action: record.action,
    args: record.args,
    state: record.state,
    ...(record.reason ? { reason: record.reason } : {}),
    ...(record.message ? { message: record.message } : {}),
    ...(record.override ? { override: true } : {}),
    ...(record.elsewhere ? { elsewhere: true } : {}),
  };
}
