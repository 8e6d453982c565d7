// What a tile shows besides its own reading: whether its data can be arriving
// at all, its endpoint's tag, and its place in the operator's layout. One
// store subscription per tile, derived again only when the connection, the
// endpoints, arranging or the layout change: every delta notifies every
// subscriber, and with a hundred tiles that was several selectors per tile per
// delta for values a delta of points never changes.
import { useMemo } from 'react';
import { shallow } from 'zustand/shallow';
import type { ConsoleSeries } from '../../../../shared/api/series';
import type { Level } from '../../../../shared/protocol';
import { isLinkLive } from '../../../../shared/rules/link-liveness';
import { selectEndpointTag } from '../../store/console-selectors';
import { useConsoleStore, type ConsoleStore } from '../../store/console-store';
import { memoSelector } from '../../store/memo-selector';
import { bandOf } from './wall-arrangement';

export interface TileContext {
  /** Why no data can be arriving (our host link or the endpoint's is down), or undefined. */
  linkDown: string | undefined;
  endpointLabel: string | undefined;
  arranging: boolean;
  hidden: boolean;
  level: Level;
}

function linkDownOf(store: ConsoleStore, series: ConsoleSeries): string | undefined {
  if (store.connection === 'lost') return 'console link lost';
  const endpoint = store.endpoints.find((candidate) => candidate.id === series.endpointId);
  if (!endpoint) return 'endpoint gone';
  return isLinkLive(endpoint.state) ? undefined : `link ${endpoint.state}`;
}

export const selectTileContext = (series: ConsoleSeries) =>
  memoSelector(
    [
      (store) => store.connection,
      (store) => store.endpoints,
      (store) => store.arranging,
      (store) => store.settings.layout,
    ],
    (store: ConsoleStore): TileContext => ({
      linkDown: linkDownOf(store, series),
      endpointLabel: selectEndpointTag(series.endpointId)(store),
      arranging: store.arranging,
      hidden: store.settings.layout.hidden.includes(series.key),
      level: bandOf(series, store.settings.layout),
    }),
    shallow,
  );

export function useTileContext(series: ConsoleSeries): TileContext {
  return useConsoleStore(useMemo(() => selectTileContext(series), [series]));
}
