// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndpointStatus } from '../../../../shared/api/links';
import type { ConsoleSeries, Points } from '../../../../shared/api/series';
import { useConsoleStore } from '../../store/console-store';
import type * as valueFormat from '../../ui/value-format';
import type * as linkLiveness from '../../../../shared/rules/link-liveness';
import { isLinkLive } from '../../../../shared/rules/link-liveness';
import { displayUnit } from '../../ui/value-format';
import { Tile } from './tile';

// The chart draws through its own queue, never through a tile render: not under test here.
vi.mock('../../ui/chart/live-chart', () => ({ useLiveChart: () => undefined }));
// A tile reads its unit once per render: counting the reads counts its renders.
vi.mock('../../ui/value-format', async (original) => {
  const real = await original<typeof valueFormat>();
  return { ...real, displayUnit: vi.fn(real.displayUnit) };
});
const tileRenders = () => vi.mocked(displayUnit).mock.calls.length;
// What a tile reads of its link: counting the calls counts its context being derived.
vi.mock('../../../../shared/rules/link-liveness', async (original) => {
  const real = await original<typeof linkLiveness>();
  return { ...real, isLinkLive: vi.fn(real.isLinkLive) };
});
const linkReads = () => vi.mocked(isLinkLive).mock.calls.length;

// Half a second before a whole second, so the clock ticks 500 ms from now.
const NOW = Date.UTC(2026, 10, 26, 14, 30, 0, 500);
const initial = useConsoleStore.getState();

const latency: ConsoleSeries = {
  key: 'demo/service.latency',
  endpointId: 'demo',
  id: 'service.latency',
  title: 'Response time',
  level: 'service',
  unit: 'ms',
  kind: 'gauge',
  intervalMs: 1000,
};
const demoLink = {
  id: 'demo',
  url: 'ws://127.0.0.1:8787',
  name: 'Demo',
  state: 'open',
  actions: [],
  messageRate: 1,
  framesReceived: 10,
  framesRejected: 0,
  samplesDropped: 0,
  seriesCount: 1,
  recentErrors: [],
  hasToken: false,
  source: 'demo',
} satisfies EndpointStatus;

/** Every layout read the tile's fitting makes (happy-dom lays nothing out: fixed boxes). */
let layoutReads = 0;

function fakeLayout() {
  layoutReads = 0;
  const box = (width: number) => () => {
    layoutReads += 1;
    return new DOMRect(0, 0, width, 20);
  };
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(box(100));
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(box(80));
}

function showTile(points: Points) {
  act(() =>
    useConsoleStore.setState({
      series: { [latency.key]: latency },
      points: { [latency.key]: points },
      endpoints: [demoLink],
      connection: 'open',
    }),
  );
  render(<Tile seriesKey={latency.key} parts={undefined} />);
}

const text = (testId: string) => screen.getByTestId(testId).textContent;
const nextSecond = () => act(() => void vi.advanceTimersByTime(1_000));
const addSample = (t: number, v: number) =>
  act(() => {
    const { points } = useConsoleStore.getState();
    const old = points[latency.key] ?? { t: [], v: [] };
    useConsoleStore.setState({
      points: { ...points, [latency.key]: { t: [...old.t, t], v: [...old.v, v] } },
    });
  });

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  useConsoleStore.setState(initial, true);
  fakeLayout();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('a tile on the 1 s clock', () => {
  it('moves its age every second without re-rendering the tile or measuring it again', () => {
    showTile({ t: [NOW - 500], v: [42.1] });
    expect(text('tile-age')).toBe('0 s ago');
    const fitted = layoutReads;
    const rendered = tileRenders();
    expect(fitted).toBeGreaterThan(0);
    expect(rendered).toBeGreaterThan(0);

    nextSecond();
    expect(text('tile-age')).toBe('1 s ago');
    nextSecond();
    expect(text('tile-age')).toBe('2 s ago');
    expect(layoutReads).toBe(fitted);
    expect(tileRenders()).toBe(rendered);
    expect(text('tile-status')).toBe('OK');
  });

  it('shows a new sample on the next tick, measuring the value only for a shape not fitted before', () => {
    showTile({ t: [NOW - 500], v: [42.1] });
    const before = text('tile-value');
    const fitted = layoutReads;

    addSample(NOW + 200, 47.3);
    expect(text('tile-value')).toBe(before);
    nextSecond();
    expect(text('tile-value')).not.toBe(before);
    expect(text('tile-value')).toContain('47');
    expect(text('tile-age')).toBe('0 s ago');
    // Same digits, same width (tabular figures): nothing to measure.
    expect(layoutReads).toBe(fitted);

    addSample(NOW + 1_200, 1_047.3);
    nextSecond();
    expect(text('tile-value')).toContain('1');
    const refitted = layoutReads;
    expect(refitted).toBeGreaterThan(fitted);

    // Back to a shape it had in this room: its fit is known, nothing to measure.
    addSample(NOW + 2_200, 48.6);
    nextSecond();
    expect(text('tile-value')).toContain('48');
    expect(layoutReads).toBe(refitted);
  });

  it('turns STALE on the clock when no sample arrives, keeping the last value', () => {
    showTile({ t: [NOW - 500], v: [42.1] });
    const value = text('tile-value');
    for (let second = 0; second < 4; second += 1) nextSecond();
    expect(text('tile-status')).toBe('STALE');
    expect(text('tile-value')).toBe(value);
    expect(screen.getByTestId('tile-last-value')).toBeTruthy();
    expect(text('tile-age')).toBe('4 s ago');
  });
});

describe('a tile and the deltas', () => {
  const pointsDelta = (seq: number, t: number) => ({
    seq,
    points: {
      [latency.key]: { t: [t], v: [40 + seq] },
      'demo/other': { t: [t], v: [seq] },
    },
  });

  it('derives nothing of its link, endpoint or layout again for deltas that bring only points', () => {
    showTile({ t: [NOW - 500], v: [42.1] });
    const reads = linkReads();
    const rendered = tileRenders();
    expect(reads).toBeGreaterThan(0);
    act(() => {
      for (let seq = 1; seq <= 20; seq += 1) {
        useConsoleStore.getState().applyDelta(pointsDelta(seq, NOW + seq));
      }
    });
    expect(linkReads()).toBe(reads);
    // The value follows on the clock, as before: the deltas render nothing.
    expect(tileRenders()).toBe(rendered);
    nextSecond();
    expect(text('tile-value')).toContain('60');
  });

  it('shows its link down in the delta that says so, and live again in the one after', () => {
    showTile({ t: [NOW - 500], v: [42.1] });
    expect(screen.queryByTestId('tile-link-down')).toBeNull();
    act(() =>
      useConsoleStore
        .getState()
        .applyDelta({ seq: 1, endpoints: [{ ...demoLink, state: 'reconnecting' }] }),
    );
    expect(screen.getByTestId('tile-link-down').textContent).toContain('link down');
    expect(screen.getByTestId('tile').dataset.status).toBe('stale');
    act(() => useConsoleStore.getState().applyDelta({ seq: 2, endpoints: [demoLink] }));
    expect(screen.queryByTestId('tile-link-down')).toBeNull();
    expect(screen.getByTestId('tile').dataset.status).toBe('ok');
  });

  it('takes its endpoint tag and its hidden mark from the store as they change', () => {
    showTile({ t: [NOW - 500], v: [42.1] });
    const other = { ...demoLink, id: 'other', url: 'ws://127.0.0.1:9999', name: 'Other' };
    act(() => useConsoleStore.getState().applyDelta({ seq: 1, endpoints: [other] }));
    expect(screen.getByText('Demo')).toBeTruthy();
    const { settings } = useConsoleStore.getState();
    act(() =>
      useConsoleStore.setState({
        arranging: true,
        settings: { ...settings, layout: { ...settings.layout, hidden: [latency.key] } },
      }),
    );
    expect(screen.getByTestId('tile').dataset.hidden).toBe('true');
  });
});
