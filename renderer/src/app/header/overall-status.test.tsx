// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndpointStatus } from '../../../../shared/api/links';
import type { ConsoleSeries, Points } from '../../../../shared/api/series';
import { useConsoleStore } from '../../store/console-store';
import { OverallStatus } from './overall-status';

const NOW = Date.UTC(2026, 10, 26, 14, 30);
const initial = useConsoleStore.getState();

const availability: ConsoleSeries = {
  key: 'demo/service.availability',
  endpointId: 'demo',
  id: 'service.availability',
  title: 'Availability',
  level: 'service',
  unit: '%',
  kind: 'gauge',
  intervalMs: 1000,
  thresholds: {
    warning: 99.9,
    critical: 99.5,
    direction: 'below',
    forMs: 2_000,
    recoveryMs: 3_000,
  },
};
const users: ConsoleSeries = {
  ...availability,
  key: 'demo/app.users.active',
  id: 'app.users.active',
  title: 'Current users',
  level: 'business',
  unit: '{user}',
  thresholds: undefined,
};
const demoLink = {
  id: 'demo',
  url: 'ws://127.0.0.1:8787',
  name: 'Demo',
  state: 'open',
  actions: [],
  messageRate: 12,
  framesReceived: 4_200,
  framesRejected: 0,
  samplesDropped: 0,
  seriesCount: 2,
  recentErrors: [],
  hasToken: false,
  source: 'demo',
} satisfies EndpointStatus;

function showWall(series: ConsoleSeries[], points: Record<string, Points>) {
  act(() =>
    useConsoleStore.setState({
      series: Object.fromEntries(series.map((one) => [one.key, one])),
      points,
      endpoints: series.length ? [demoLink] : [],
      connection: 'open',
    }),
  );
  render(<OverallStatus />);
  return screen.getByTestId('overall-status');
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  useConsoleStore.setState(initial, true);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('OverallStatus', () => {
  it('reads ALL OK when every series has a fresh sample within bounds', () => {
    const status = showWall([availability, users], {
      [availability.key]: { t: [NOW - 500], v: [99.98] },
      [users.key]: { t: [NOW - 500], v: [4820] },
    });
    expect(status.dataset.status).toBe('ok');
    expect(status.textContent).toBe('✓ ALL OK');
  });

  it('reads BLIND SPOTS, never ALL OK, while series have no data', () => {
    const status = showWall([availability, users], {
      [availability.key]: { t: [NOW - 500], v: [99.98] },
    });
    expect(status.dataset.status).toBe('stale');
    expect(status.textContent).toContain('BLIND SPOTS');
    expect(status.textContent).toContain('1 no data');
  });

  it('reads NO DATA on a console with no endpoints, and offers to add one', () => {
    const status = showWall([], {});
    expect(status.dataset.status).toBe('nodata');
    expect(status.textContent).toContain('NO DATA');
    expect(status.textContent).not.toContain('OK');
    act(() => screen.getByRole('button', { name: 'Add an endpoint' }).click());
    expect(useConsoleStore.getState().view).toBe('connections');
  });

  it('reads NO DATA when every series is stale, and offers to check the connections', () => {
    const status = showWall([availability, users], {
      [availability.key]: { t: [NOW - 60_000], v: [99.98] },
      [users.key]: { t: [NOW - 60_000], v: [4820] },
    });
    expect(status.dataset.status).toBe('nodata');
    expect(status.textContent).toContain('2 stale');
    expect(screen.getByRole('button', { name: 'Check connections' })).toBeTruthy();
  });
});
