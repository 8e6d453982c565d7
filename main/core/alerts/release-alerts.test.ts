// A failing ring raises one critical alert at once, whose procedures halt the
// ring or roll back, and resolves it when the ring recovers or the release
// leaves it; through the alert engine it is an alert like any other.
import { describe, expect, it } from 'vitest';
import type { Alert, AlertTransition } from '../../../shared/api/alerts';
import type { ReleaseStatus } from '../../../shared/api/releases';
import type { Ring } from '../../../shared/protocol';
import { AlertEngine } from './alert-engine';

const T0 = 1_800_000_000_000;
const beta = {
  id: 'beta',
  name: 'Beta customers',
  share: 0.05,
  version: '5.9.0',
  status: 'active' as const,
};
const everyone = { id: 'all', name: 'Everyone', share: 1, version: '5.8.1' };
const gate = {
  metric: 'app.errors.ratio',
  title: 'Failed requests',
  unit: '%',
  releaseKey: 'demo/err{ring=beta,version=5.9.0}',
  releaseValue: 0.66,
  baselineValue: 0.3,
  difference: 1.2,
  tolerance: 0.5,
  direction: 'above' as const,
  verdict: 'worse' as const,
};

const release = (failing: boolean, ring: Ring = beta): ReleaseStatus => ({
  endpointId: 'demo',
  service: 'web',
  serviceName: 'Web app',
  environment: 'production',
  version: '5.9.0',
  baselineVersion: '5.8.1',
  rings: [ring, everyone],
  ring,
  nextRing: everyone,
  gates: [failing ? gate : { ...gate, verdict: 'same', difference: 0 }],
  promote: { allowed: false },
  ...(failing
    ? {
        failing: {
          gates: ['Failed requests worse than baseline (+120% vs tolerance 50%)'],
          since: T0,
          evaluations: 1,
        },
      }
    : {}),
});

function engine() {
  const changes: [Alert, AlertTransition][] = [];
  const alerts = new AlertEngine((alert, transition) => changes.push([alert, transition]), {
    clock: () => T0,
  });
  return { alerts, changes };
}

describe('release alerts', () => {
  it('a failing ring fires one critical alert at once, naming the gate and its values', () => {
    const { alerts, changes } = engine();
    alerts.releases([release(false)], T0);
    expect(alerts.alerts()).toEqual([]);
    alerts.releases([release(true)], T0 + 1_000);
    alerts.releases([release(true)], T0 + 2_000);
    expect(changes).toHaveLength(1);
    const [alert] = alerts.alerts();
    expect(alert).toMatchObject({
      severity: 'critical',
      state: 'firing',
      firedAt: T0 + 1_000,
      service: 'web',
      version: '5.9.0',
      title:
        'Web app 5.9.0 failing in Beta customers: Failed requests worse than baseline (+120% vs tolerance 50%)',
    });
    expect(alert?.procedures?.map((p) => [p.title, p.action, p.args])).toEqual([
      [
        'Halt this ring (Beta customers)',
        'ring.halt',
        { service: 'web', environment: 'production', version: '5.9.0' },
      ],
      [
        'Roll back to 5.8.1',
        'deploy.rollback',
        { service: 'web', environment: 'production', toVersion: '5.8.1' },
      ],
    ]);
  });

  it('resolves when the gates recover, and when the release leaves the ring', () => {
    const { alerts, changes } = engine();
    alerts.releases([release(true)], T0);
    alerts.releases([release(false)], T0 + 1_000);
    expect(alerts.alerts()[0]).toMatchObject({ state: 'resolved', resolvedAt: T0 + 1_000 });
    expect(changes.at(-1)?.[1].note).toBe('gates back within tolerance');
    alerts.releases([release(true)], T0 + 2_000);
    alerts.releases([], T0 + 3_000);
    expect(changes.at(-1)?.[1].note).toBe('release left the ring');
    expect(alerts.alerts().filter((a) => a.state !== 'resolved')).toEqual([]);
  });

  it('a halted ring that still fails keeps its alert: its users keep the build', () => {
    const { alerts } = engine();
    alerts.releases([release(true)], T0);
    alerts.releases([release(true, { ...beta, status: 'halted' })], T0 + 1_000);
    expect(alerts.alerts()[0]?.state).toBe('firing');
  });
});
