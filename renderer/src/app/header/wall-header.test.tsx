// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndpointStatus } from '../../../../shared/api/links';
import type * as wall from '../../features/wall';
import { summarizeWall } from '../../features/wall';
import { useConsoleStore } from '../../store/console-store';
import { WallHeader } from './wall-header';

// The verdict is worked out on every render of the header: counting it counts those renders.
vi.mock('../../features/wall', async (original) => {
  const real = await original<typeof wall>();
  return { ...real, summarizeWall: vi.fn(real.summarizeWall) };
});
const verdicts = () => vi.mocked(summarizeWall).mock.calls.length;

const NOW = Date.UTC(2026, 10, 26, 14, 30, 0, 500);
const initial = useConsoleStore.getState();
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
  seriesCount: 0,
  recentErrors: [],
  hasToken: false,
  source: 'demo',
} satisfies EndpointStatus;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  useConsoleStore.setState(initial, true);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('WallHeader', () => {
  it("renders a link's new counters in its badge only, and its new state at once", () => {
    act(() => useConsoleStore.setState({ endpoints: [demoLink], connection: 'open' }));
    render(<WallHeader />);
    const badge = () => screen.getByTestId('endpoint-badge');
    expect(badge().dataset.linkState).toBe('open');
    const rendered = verdicts();
    act(() => {
      for (let seq = 1; seq <= 5; seq += 1) {
        const counters = { messageRate: 12 + seq, framesReceived: 4_200 + seq * 12 };
        useConsoleStore.getState().applyDelta({ seq, endpoints: [{ ...demoLink, ...counters }] });
      }
    });
    expect(verdicts()).toBe(rendered);

    act(() =>
      useConsoleStore.getState().applyDelta({
        seq: 6,
        endpoints: [{ ...demoLink, state: 'reconnecting', lastError: 'socket closed' }],
      }),
    );
    expect(badge().dataset.linkState).toBe('reconnecting');
    expect(badge().textContent).toContain('socket closed');
  });

  it('adds a badge for an endpoint that joins, and drops the one that leaves', () => {
    act(() => useConsoleStore.setState({ endpoints: [demoLink], connection: 'open' }));
    render(<WallHeader />);
    const other = { ...demoLink, id: 'other', url: 'ws://127.0.0.1:9999', name: 'Other' };
    act(() => useConsoleStore.getState().applyDelta({ seq: 1, endpoints: [other] }));
    expect(screen.getAllByTestId('endpoint-badge').map((b) => b.dataset.endpointId)).toEqual([
      'demo',
      'other',
    ]);
    act(() => useConsoleStore.getState().applyDelta({ seq: 2, endpointsRemoved: ['demo'] }));
    expect(screen.getAllByTestId('endpoint-badge').map((b) => b.dataset.endpointId)).toEqual([
      'other',
    ]);
  });
});
