// Action records by idempotency key, as the action desk reports them.
import type { ActionRecord } from '../../../shared/api/actions';
import { FINAL_ACTION_STATES, type ActionState } from '../../../shared/protocol';
import type { ConsoleSliceCreator } from './console-store';

export interface ActionsSlice {
  actions: Record<string, ActionRecord>;
  /** Version each rollback started from, noted at submit: records carry only the target. */
  rollbackFrom: Record<string, string>;
  upsertActions(records: ActionRecord[]): void;
  noteRollbackFrom(key: string, version: string): void;
}

/** `unknown` is not final: the main process asks the endpoint again after a reconnect. */
export const isFinalActionState = (state: ActionState): boolean =>
  FINAL_ACTION_STATES.includes(state);

export const createActionsSlice: ConsoleSliceCreator<ActionsSlice> = (set) => ({
  actions: {},
  rollbackFrom: {},
  upsertActions: (records) => set((store) => ({ actions: mergeActions(store.actions, records) })),
  noteRollbackFrom: (key, version) =>
    set((store) => ({ rollbackFrom: { ...store.rollbackFrom, [key]: version } })),
});

/** The newer record wins: a submit reply can arrive after the delta that moved it on. */
export function mergeActions(
  current: Record<string, ActionRecord>,
  records: ActionRecord[],
): Record<string, ActionRecord> {
  const next = { ...current };
  for (const record of records) {
    const known = next[record.key];
    if (!known || record.updatedAt >= known.updatedAt) next[record.key] = record;
  }
  return next;
}

export function actionsByKey(records: ActionRecord[]): Record<string, ActionRecord> {
  return mergeActions({}, records);
}
