// Which action lifecycle states are final: nothing moves a record out of
// them. `unknown` is not final (the action desk asks the endpoint again after
// a reconnect), but it does not hold a target busy either: the outcome may
// never be learnt.
import type { ActionState } from '../protocol';

export const FINAL_ACTION_STATES: readonly ActionState[] = [
  'rejected',
  'succeeded',
  'failed',
  'cancelled',
];

export const isFinalActionState = (state: ActionState): boolean =>
  FINAL_ACTION_STATES.includes(state);

/** Still on its way (pending, accepted, running): another action on the target waits for it. */
export const isActionInFlight = (state: ActionState): boolean =>
  state !== 'unknown' && !isFinalActionState(state);
