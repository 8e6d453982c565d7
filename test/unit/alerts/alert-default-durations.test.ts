// A series that names no durations still gets hysteresis: it fires after two
// intervals of breach and resolves only after three intervals back in bounds
// (docs: "recovery needs its own duration"), so one good sample ends nothing.
import { describe, expect, it } from 'vitest';
import { AlertEngine } from '../../../main/core/alerts/alert-engine';
import type { ConsoleSeries } from '../../../shared/api/series';

const series: ConsoleSeries = {
  key: 'demo/errors',
  endpointId: 'demo',
  id: 'errors',
  title: 'Errors',
  level: 'technical',
  unit: '{error}/min',
  kind: 'gauge',
  intervalMs: 1000,
  service: 'billing',
  thresholds: { warning: 5, critical: 20, direction: 'above' },
};
const T0 = 1_800_000_000_000;

function firing() {
  const alerts = new AlertEngine(() => undefined);
  alerts.track(series, 0);
  const feed = (from: number, values: number[]) =>
    values.forEach((v, i) => alerts.sample(series.key, from + i * 1000, v));
  feed(T0, [30, 30, 30]);
  expect(alerts.alerts()[0]).toMatchObject({ state: 'firing', firedAt: T0 + 2000 });
  return { alerts, feed };
}

describe('alert default durations', () => {
  it('keeps a firing alert through the first intervals back in bounds', () => {
    const { alerts, feed } = firing();
    feed(T0 + 3000, [1, 1, 1]);
    expect(alerts.alerts()[0]?.state).toBe('firing');
  });

  it('resolves once the series has been back in bounds for three intervals', () => {
    const { alerts, feed } = firing();
    feed(T0 + 3000, [1, 1, 1, 1]);
    expect(alerts.alerts()[0]).toMatchObject({ state: 'resolved' });
  });
});
