// The seven actions in an operator's words: the button that opens each one's
// confirmation, and the button inside it that runs it.
import type { ActionName } from '../../../../shared/protocol';

/** The opening button's name lives with the rules: refusals in both processes use it. */
export { ACTION_LABEL, AUDIT_LABEL } from '../../../../shared/rules/action-labels';

/** The confirm button's name; "Confirm roll back" is what the wall's tests (and hands) know. */
export const CONFIRM_LABEL: Record<ActionName, string> = {
  'build.retry': 'Confirm retry',
  'flag.set': 'Confirm flag change',
  'patch.apply': 'Confirm patch',
  'deploy.rollback': 'Confirm roll back',
  'capacity.scale': 'Confirm scaling',
  'ring.promote': 'Confirm promotion',
  'ring.halt': 'Confirm halt',
};

/** The dialog's heading: what is being decided. */
export const ACTION_HEADING: Record<ActionName, string> = {
  'build.retry': 'Retry a failed build',
  'flag.set': 'Change a feature flag',
  'patch.apply': 'Deploy a patch release',
  'deploy.rollback': 'Roll back a deployment',
  'capacity.scale': 'Scale capacity',
  'ring.promote': 'Promote a release to the next ring',
  'ring.halt': 'Halt a release where it is',
};
