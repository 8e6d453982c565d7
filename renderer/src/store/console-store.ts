// The one console store: slices combined once. Charts read points through
// `useConsoleStore.subscribe(selector, listener)`, not through re-renders;
// a delta of points runs only the subscriptions that read points.
import { create, type StateCreator } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import type { ConsoleDelta, ConsoleState } from '../../../shared/api/console-state';
import { actionsByKey, createActionsSlice, mergeActions, type ActionsSlice } from './actions-slice';
import { alertsFromState, createAlertsSlice, mergeAlerts, type AlertsSlice } from './alerts-slice';
import { createCaFilesSlice, type CaFilesSlice } from './ca-files-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createDeploysSlice, mergeDeploys, type DeploysSlice } from './deploys-slice';
import { createEventsSlice, KEEP_EVENTS, mergeEvents, type EventsSlice } from './events-slice';
import { createHostSlice, mergeNotices, type HostSlice } from './host-slice';
import { createLiveSlice, liveFromState, mergeLive, type LiveSlice } from './live-slice';
import {
  createSettingsSlice,
  mergeSettings,
  settingsFromState,
  type SettingsSlice,
} from './settings-slice';
import { createReleasesSlice, mergeReleases, type ReleasesSlice } from './releases-slice';
import { createReviewSlice, type ReviewSlice } from './review-slice';
import { createViewSlice, type ViewSlice } from './view-slice';
import { pointsAwareSubscriptions } from './points-aware-subscriptions';

export interface ConsoleStore
  extends
    LiveSlice,
    DeploysSlice,
    ActionsSlice,
    EventsSlice,
    AlertsSlice,
    SettingsSlice,
    ViewSlice,
    HostSlice,
    CaFilesSlice,
    ReleasesSlice,
    ConnectionSlice,
    ReviewSlice {
  /**
   * Replaces everything with a full state (first load, a reconnect, a gap in
   * the deltas); `live` is its live slice when already built (hydrateLive).
   */
  applyState(state: ConsoleState, live?: LiveSlice): void;
  /**
   * Merges one delta: removals first, then lists replace by id, points and events append.
   * While a snapshot is reviewed only a request to open another one is taken:
   * leaving the review reloads the whole live state.
   */
  applyDelta(delta: ConsoleDelta): void;
}

export type ConsoleSliceCreator<Slice> = StateCreator<
  ConsoleStore,
  [['zustand/subscribeWithSelector', never]],
  [],
  Slice
>;

const consoleStore = create<ConsoleStore>()(
  subscribeWithSelector((...args) => {
    const [set, get] = args;
    return {
      ...createLiveSlice(...args),
      ...createDeploysSlice(...args),
      ...createActionsSlice(...args),
      ...createEventsSlice(...args),
      ...createAlertsSlice(...args),
      ...createSettingsSlice(...args),
      ...createViewSlice(...args),
      ...createHostSlice(...args),
      ...createCaFilesSlice(...args),
      ...createConnectionSlice(...args),
      ...createReleasesSlice(...args),
      ...createReviewSlice(...args),
      applyState: (state, live) =>
        set({
          ...(live ?? liveFromState(state)),
          ...alertsFromState(state),
          ...settingsFromState(state),
          deployments: state.deployments,
          actions: actionsByKey(state.actions),
          events: state.events.slice(-KEEP_EVENTS),
          profile: state.profile,
          notices: state.notices,
          releases: state.releases,
          ...(state.openSnapshot ? { pendingSnapshot: state.openSnapshot } : {}),
          loaded: true,
          loadError: undefined,
          hydrating: undefined,
        }),
      // One set per delta, so subscribers are notified once per flush.
      applyDelta: (delta) => {
        if (get().review) {
          if (delta.openSnapshot) set({ pendingSnapshot: delta.openSnapshot });
          return;
        }
        set((store) => ({
          ...mergeLive(store, delta),
          ...mergeDeploys(store, delta),
          ...mergeEvents(store, delta),
          ...mergeAlerts(store, delta),
          ...mergeSettings(store, delta),
          ...mergeNotices(store, delta),
          ...mergeReleases(delta),
          ...(delta.actions?.length ? { actions: mergeActions(store.actions, delta.actions) } : {}),
        }));
      },
    };
  }),
);

/**
 * The store as zustand binds it, but with subscriptions (hooks, and selector
 * listeners) that a delta of points alone does not run unless they read
 * points: see points-aware-subscriptions.ts.
 */
const subscriptions = pointsAwareSubscriptions(consoleStore);
export const useConsoleStore = Object.assign(subscriptions.useSelected, {
  getState: consoleStore.getState,
  getInitialState: consoleStore.getInitialState,
  setState: consoleStore.setState,
  subscribe: subscriptions.subscribe,
}) as typeof consoleStore;
