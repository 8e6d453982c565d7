import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/api/alerts';
import { alertContext } from './alert-context';

const since = new Date(2026, 10, 26, 22, 3).getTime();
const alert: Alert = {
  id: 'alert-1',
  seriesKey: 'demo/service.availability',
  endpointId: 'demo',
  title: 'Availability',
  severity: 'critical',
  state: 'firing',
  since,
  firedAt: since + 2_000,
  service: 'billing',
  version: '2.14.0',
};

describe('alertContext', () => {
  it('names the version recorded when the alert started', () => {
    expect(alertContext(alert)).toBe('critical since 22:03, on billing 2.14.0');
  });

  it('says flapping, and leaves out a version it does not know', () => {
    const flapping = { ...alert, version: undefined, flapping: { since, firings: 3 } };
    expect(alertContext(flapping)).toBe('critical, flapping, since 22:03');
  });
});
