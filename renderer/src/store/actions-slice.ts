// Action records by idempotency key, as the action desk reports them.
import type { ActionRecord } from '../../../shared/api/actions';
import type { ConsoleSliceCreator } from './console-store';

export interface ActionsSlice {
  /** A rollback's record carries the version it left (`fromVersion`), so a reload keeps it. */
  actions: Record<string, ActionRecord>;
  upsertActions(records: ActionRecord[]): void;
}

export const createActionsSlice: ConsoleSliceCreator<ActionsSlice> = (set) => ({
  actions: {},
  upsertActions: (records) => set((store) => ({ actions: mergeActions(store.actions, records) })),
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
