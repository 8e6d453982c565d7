import { describe, expect, it } from 'vitest';
import type { ConsoleSeries } from '../../../shared/api/series';
import { readSeries } from './series-reading';

const cpu: ConsoleSeries = {
  key: 'ep1/cpu',
  endpointId: 'ep1',
  id: 'cpu',
  title: 'CPU load',
  level: 'technical',
  unit: '%',
  kind: 'gauge',
  intervalMs: 1_000,
};
const now = 1_000_000;

describe('readSeries on the console clock', () => {
  it('corrects the sample time for the endpoint clock skew, as the alerts do', () => {
    // The endpoint's clock runs 60 s ahead: its "now" sample is fresh, not from the future.
    const ahead = readSeries(cpu, { t: [now + 60_000], v: [42] }, now, 60_000);
    expect(ahead.at).toBe(now);
    expect(ahead.status).toBe('ok');
    // Its clock runs 60 s behind: a sample stamped a minute ago arrived just now.
    const behind = readSeries(cpu, { t: [now - 60_000], v: [42] }, now, -60_000);
    expect(behind.status).toBe('ok');
    expect(behind.at).toBe(now);
  });

  it('without skew correction a behind clock would read stale: the skew decides', () => {
    expect(readSeries(cpu, { t: [now - 60_000], v: [42] }, now).status).toBe('stale');
  });

  it('reads nodata without samples and error when the endpoint reports one', () => {
    expect(readSeries(cpu, undefined, now).status).toBe('nodata');
    expect(readSeries({ ...cpu, error: 'query failed' }, { t: [now], v: [1] }, now).status).toBe(
      'error',
    );
  });
});
