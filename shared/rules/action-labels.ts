// Each action in an operator's words: the name on the button that opens its
// confirmation, and how refusals name it, in the console and in its host.
import type { AuditAction } from '../api/audit';
import type { ActionName } from '../protocol';

export const ACTION_LABEL: Record<ActionName, string> = {
  'build.retry': 'Retry build',
  'flag.set': 'Set flag',
  'patch.apply': 'Apply patch',
  'deploy.rollback': 'Roll back',
  'capacity.scale': 'Scale',
  'ring.promote': 'Promote',
  'ring.halt': 'Halt',
};

/** “Roll back” (deploy.rollback): the operator's word and the protocol's. */
export const actionWords = (action: ActionName): string => `“${ACTION_LABEL[action]}” (${action})`;

/** Every audited action in an operator's words, the console's own included. */
export const AUDIT_LABEL: Record<AuditAction, string> = {
  ...ACTION_LABEL,
  'autohalt.arm': 'Arm automatic halt',
  'autohalt.disarm': 'Disarm automatic halt',
};
