// Console states for the store's and the review's tests: an event, a series
// and a whole state with n series (one point each) and the named events.
import type { ConsoleEvent, ConsoleState } from '../../../shared/api/console-state';
import type { ConsoleSeries } from '../../../shared/api/series';
import { DEFAULT_SETTINGS } from '../../../shared/api/settings';

const { endpoints: _endpoints, ...settings } = DEFAULT_SETTINGS;

export const fixtureEvent = (id: string): ConsoleEvent => ({
  specversion: '1.0',
  id,
  source: 'demo',
  type: 'deploy.started',
  time: '2024-01-01T00:00:00Z',
  endpointId: 'ep1',
});

export const fixtureSeries = (i: number): ConsoleSeries => ({
  key: `ep/s${i}`,
  endpointId: 'ep',
  id: `s${i}`,
  title: `Series ${i}`,
  level: 'service',
  unit: '%',
  kind: 'gauge',
  intervalMs: 1000,
});

export function fixtureState(seq: number, eventIds: string[], seriesCount = 0): ConsoleState {
  const catalog = Array.from({ length: seriesCount }, (_, i) => fixtureSeries(i));
  return {
    seq,
    endpoints: [],
    series: catalog,
    points: Object.fromEntries(catalog.map((s, i) => [s.key, { t: [i], v: [i] }])),
    deployments: [],
    actions: [],
    events: eventIds.map(fixtureEvent),
    profile: 'operator',
    notices: [],
    alerts: [],
    alertTimeline: [],
    settings,
    releases: [],
    kiosk: false,
  };
}
