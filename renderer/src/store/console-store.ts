// The one console store: slices combined once. Charts read points through
// `useConsoleStore.subscribe(selector, listener)`, not through re-renders.
import { create, type StateCreator } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import type { ConsoleDelta, ConsoleState } from '../../../shared/console-api';
import { actionsByKey, createActionsSlice, mergeActions, type ActionsSlice } from './actions-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createDeploysSlice, mergeDeploys, type DeploysSlice } from './deploys-slice';
import { createLiveSlice, liveFromState, mergeLive, type LiveSlice } from './live-slice';

export interface ConsoleStore extends LiveSlice, DeploysSlice, ActionsSlice, ConnectionSlice {
  /** Replaces everything with a full state (first load and after a reconnect). */
  applyState(state: ConsoleState): void;
  /** Merges one delta: lists replace by id, points append. */
  applyDelta(delta: ConsoleDelta): void;
}

export type ConsoleSliceCreator<Slice> = StateCreator<
  ConsoleStore,
  [['zustand/subscribeWithSelector', never]],
  [],
  Slice
>;

export const useConsoleStore = create<ConsoleStore>()(
  subscribeWithSelector((...args) => {
    const [set] = args;
    return {
      ...createLiveSlice(...args),
      ...createDeploysSlice(...args),
      ...createActionsSlice(...args),
      ...createConnectionSlice(...args),
      applyState: (state) =>
        set({
          ...liveFromState(state),
          deployments: state.deployments,
          actions: actionsByKey(state.actions),
          loaded: true,
          loadError: undefined,
        }),
      // One set per delta, so subscribers are notified once per flush.
      applyDelta: (delta) =>
        set((store) => ({
          ...mergeLive(store, delta),
          ...mergeDeploys(store, delta),
          ...(delta.actions?.length ? { actions: mergeActions(store.actions, delta.actions) } : {}),
        })),
    };
  }),
);
