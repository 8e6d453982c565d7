// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/api/alerts';
import type { ConsoleSeries } from '../../../../shared/api/series';
import { useConsoleStore } from '../../store/console-store';
import { ProcedureSuggestion } from './procedure-suggestion';

const NOW = Date.UTC(2026, 10, 26, 14, 30);
const initial = useConsoleStore.getState();

const errors: ConsoleSeries = {
  key: 'demo/app.errors.rate',
  endpointId: 'demo',
  id: 'app.errors.rate',
  title: 'Errors in production',
  level: 'technical',
  unit: '{error}/min',
  kind: 'gauge',
  intervalMs: 1000,
  service: 'billing',
  procedures: [
    {
      when: 'critical',
      title: 'Roll back billing to 2.13.2',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production', toVersion: '2.13.2' },
    },
  ],
};

/** An alert whose series key counts its reads: what a filter over the alerts costs. */
let keyReads = 0;
function alert(id: string, seriesKey: string): Alert {
  const made: Alert = {
    id,
    seriesKey,
    endpointId: 'demo',
    title: id,
    severity: 'critical',
    state: 'firing',
    since: NOW - 60_000,
    firedAt: NOW - 58_000,
  };
  return Object.defineProperty(made, 'seriesKey', {
    enumerable: true,
    get: () => {
      keyReads += 1;
      return seriesKey;
    },
  });
}

beforeEach(() => {
  useConsoleStore.setState(initial, true);
  keyReads = 0;
});
afterEach(cleanup);

describe('ProcedureSuggestion', () => {
  it('looks for its alerts again when the alerts change, not on every delta', () => {
    act(() => useConsoleStore.setState({ alerts: [alert('other', 'demo/other')] }));
    render(<ProcedureSuggestion series={errors} />);
    expect(screen.queryByTestId('tile-procedures')).toBeNull();
    const reads = keyReads;
    act(() => {
      for (let seq = 1; seq <= 20; seq += 1) {
        useConsoleStore
          .getState()
          .applyDelta({ seq, points: { [errors.key]: { t: [seq], v: [1] } } });
      }
    });
    expect(keyReads).toBe(reads);

    act(() =>
      useConsoleStore.getState().applyDelta({ seq: 21, alerts: [alert('errors', errors.key)] }),
    );
    expect(screen.getByTestId('tile-procedures').textContent).toContain(
      'Roll back billing to 2.13.2',
    );
  });
});
