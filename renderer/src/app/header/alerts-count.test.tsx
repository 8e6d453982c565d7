// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../../../shared/api/alerts';
import type * as statusModel from '../../../../shared/rules/status-model';
import { tallyAlerts } from '../../../../shared/rules/status-model';
import { useConsoleStore } from '../../store/console-store';
import { AlertsCount } from './alerts-count';

// Counting the tallies counts the work the count does per store change.
vi.mock('../../../../shared/rules/status-model', async (original) => {
  const real = await original<typeof statusModel>();
  return { ...real, tallyAlerts: vi.fn(real.tallyAlerts) };
});
const tallies = () => vi.mocked(tallyAlerts).mock.calls.length;

const initial = useConsoleStore.getState();
const alert = (id: string, extra: Partial<Alert> = {}): Alert => ({
  id,
  seriesKey: `demo/${id}`,
  endpointId: 'demo',
  title: id,
  severity: 'critical',
  state: 'firing',
  since: 1_000,
  firedAt: 3_000,
  ...extra,
});

beforeEach(() => useConsoleStore.setState(initial, true));
afterEach(cleanup);

describe('AlertsCount', () => {
  it('counts again for a delta that changes the alerts, not for deltas of points', () => {
    act(() => useConsoleStore.setState({ alerts: [alert('a')] }));
    render(<AlertsCount />);
    const count = screen.getByTestId('alerts-count');
    expect(count.dataset.count).toBe('1');
    const counted = tallies();
    act(() => {
      for (let seq = 1; seq <= 20; seq += 1)
        useConsoleStore.getState().applyDelta({ seq, points: { 'demo/a': { t: [seq], v: [1] } } });
    });
    expect(tallies()).toBe(counted);
    act(() =>
      useConsoleStore.getState().applyDelta({
        seq: 21,
        alerts: [alert('b', { severity: 'warning' })],
      }),
    );
    expect(count.dataset.count).toBe('2');
    expect(count.dataset.critical).toBe('1');
    expect(count.textContent).toContain('2 active alerts');
  });
});
