import { describe, expect, it } from 'vitest';
import type { Alert, AlertTransition } from '../../../shared/api/alerts';
import { mergeAlerts, orderAlerts, type AlertsSlice } from './alerts-slice';

const alert = (id: string, extra: Partial<Alert>): Alert => ({
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

const step = (alertId: string, at: number): AlertTransition => ({
  alertId,
  at,
  state: 'firing',
  note: 'critical fired',
});

describe('the alerts slice', () => {
  it('lists no resolved alert for a pending that cleared before firing', () => {
    const blip = alert('blip', { state: 'resolved', firedAt: undefined, resolvedAt: 2_000 });
    const real = alert('real', { state: 'resolved', resolvedAt: 9_000 });
    expect(orderAlerts([blip, real]).map((a) => a.id)).toEqual(['real']);
  });

  it('keeps the timeline in time order whatever order the deltas bring', () => {
    const slice: AlertsSlice = { alerts: [], alertTimeline: [step('a', 5_000)], alertsRaised: [] };
    const next = mergeAlerts(slice, {
      seq: 2,
      alertTransitions: [step('b', 2_000), step('c', 7_000)],
    });
    expect(next.alertTimeline?.map((t) => t.at)).toEqual([2_000, 5_000, 7_000]);
  });
});
