// Alerts an operator can live with: flapping is one alert, an unreachable
// endpoint is one alert (its series' stale alerts muted), the timeline runs in
// time order, a backfill after an outage ends silence on the console's clock,
// and an alert names the version that ran when it started.
import { describe, expect, it } from 'vitest';
import { AlertEngine, type LinkInput } from './alert-engine';
import type { Alert } from '../../../shared/api/alerts';
import type { ConsoleSeries } from '../../../shared/api/series';
import { tallyAlerts } from '../../../shared/rules/status-model';

const T0 = 1_800_000_000_000;
const errors: ConsoleSeries = {
  key: 'demo/errors',
  endpointId: 'demo',
  id: 'errors',
  title: 'Errors',
  level: 'technical',
  unit: '{error}/min',
  kind: 'gauge',
  intervalMs: 1000,
  service: 'billing',
  thresholds: { warning: 5, critical: 20, direction: 'above', forMs: 3000, recoveryMs: 5000 },
};
const latency: ConsoleSeries = { ...errors, key: 'demo/latency', id: 'latency', title: 'Latency' };
const link = (state: LinkInput['state'], lastError?: string): LinkInput => ({
  id: 'demo',
  name: 'Demo SaaS',
  state,
  ...(lastError ? { lastError } : {}),
});

function setup(options: ConstructorParameters<typeof AlertEngine>[1] = {}) {
  const alerts = new AlertEngine(() => undefined, options);
  alerts.track(errors, T0);
  alerts.track(latency, T0);
  const feed = (series: ConsoleSeries, from: number, values: number[]) =>
    values.forEach((v, i) => alerts.sample(series.key, from + i * 1000, v));
  const open = () => alerts.alerts().filter((a) => a.state !== 'resolved');
  return { alerts, feed, open };
}

describe('flapping', () => {
  /** Breach for 4 s (fires after 3 s), then clear for 6 s (resolves after 5 s). */
  const cycle = [30, 30, 30, 30, 1, 1, 1, 1, 1, 1];

  it('makes the third firing in the window one FLAPPING alert that stays open', () => {
    const { alerts, feed, open } = setup();
    for (let n = 0; n < 5; n += 1) feed(errors, T0 + n * 10_000, cycle);
    const fired = alerts.alerts().filter((a) => a.firedAt !== undefined);
    expect(fired).toHaveLength(3);
    expect(open()).toHaveLength(1);
    expect(open()[0]).toMatchObject({
      state: 'firing',
      flapping: { since: T0 + 3000, firings: 3 },
    });
    expect(alerts.transitions().some((t) => t.note.startsWith('flapping: fired 3 times'))).toBe(
      true,
    );
  });

  it('resolves the flapping alert only once the series has been quiet', () => {
    const { feed, open } = setup();
    for (let n = 0; n < 3; n += 1) feed(errors, T0 + n * 10_000, cycle);
    // Window: max(120 s, 20 × 8 s) = 160 s; quiet for half of it.
    feed(errors, T0 + 30_000, Array<number>(60).fill(1));
    expect(open()[0]?.flapping).toBeDefined();
    feed(errors, T0 + 90_000, Array<number>(30).fill(1));
    expect(open()).toEqual([]);
  });
});

describe('an unreachable endpoint', () => {
  it('is one alert, its series muted, acknowledged once', () => {
    const { alerts, feed, open } = setup();
    alerts.link(link('open'), T0);
    feed(errors, T0, [1]);
    feed(latency, T0, [1]);
    alerts.link(link('reconnecting', 'connection refused'), T0 + 1500);
    for (let at = T0 + 2000; at <= T0 + 30_000; at += 1000) alerts.tick(at);
    expect(open()).toHaveLength(1);
    const [down] = open() as [Alert];
    expect(down).toMatchObject({
      scope: 'endpoint',
      title: 'Demo SaaS unreachable: connection refused',
      since: T0 + 1500,
    });
    expect(alerts.acknowledge(down.id, 'ana', T0 + 31_000)).toBeDefined();
    expect(open().filter((a) => !a.acknowledged)).toEqual([]);
  });

  it('is not raised while the first connection is still being dialled', () => {
    const { alerts, open } = setup();
    alerts.link(link('connecting'), T0);
    for (let at = T0 + 1000; at <= T0 + 10_000; at += 1000) alerts.tick(at);
    expect(open()).toEqual([]);
    alerts.link(link('reconnecting', 'connection refused'), T0 + 10_000);
    alerts.link(link('connecting'), T0 + 11_000);
    for (let at = T0 + 11_000; at <= T0 + 14_000; at += 1000) alerts.tick(at);
    expect(open()).toMatchObject([{ scope: 'endpoint', since: T0 + 10_000 }]);
  });

  it('mutes stale alerts raised before the link noticed, so they are counted once', () => {
    const { alerts, feed, open } = setup();
    alerts.link(link('open'), T0);
    feed(errors, T0, [1]);
    feed(latency, T0, [1]);
    alerts.tick(T0 + 3500);
    expect(tallyAlerts(open()).blind).toBe(2);
    alerts.link(link('reconnecting'), T0 + 4000);
    for (let at = T0 + 5000; at <= T0 + 9000; at += 1000) alerts.tick(at);
    expect(tallyAlerts(open())).toMatchObject({ firing: 1, blind: 1 });
  });

  it('resolves when the link is back, and raises no stale alerts while data resumes', () => {
    const { alerts, feed, open } = setup();
    alerts.link(link('open'), T0);
    feed(errors, T0, [1]);
    feed(latency, T0, [1]);
    alerts.link(link('reconnecting'), T0 + 1000);
    for (let at = T0 + 2000; at <= T0 + 20_000; at += 1000) alerts.tick(at);
    alerts.link(link('open'), T0 + 20_500);
    alerts.tick(T0 + 21_000);
    feed(errors, T0 + 21_200, [1]);
    feed(latency, T0 + 21_200, [1]);
    alerts.tick(T0 + 22_000);
    expect(open()).toEqual([]);
    expect(alerts.alerts()[0]).toMatchObject({ scope: 'endpoint', resolvedAt: T0 + 20_500 });
  });
});

describe('one clock', () => {
  it('keeps the timeline in time order when a backfill arrives late', () => {
    const { alerts, feed } = setup();
    feed(errors, T0 + 60_000, [30, 30, 30, 30]);
    // The other series' history arrives afterwards, stamped a minute earlier.
    feed(latency, T0, [30, 30, 30, 30, 1]);
    const times = alerts.transitions().map((t) => t.at);
    expect(times).toHaveLength(4);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBe(T0);
  });

  it('ends an outage stale alert when data is heard again: fired ≤ resolved, true length', () => {
    let clock = T0;
    const { alerts, feed } = setup({ clock: () => clock });
    feed(errors, T0, [1]);
    alerts.tick(T0 + 5000);
    clock = T0 + 60_000;
    // The endpoint backfills its outage: the first point is stamped T0 + 1 s.
    feed(errors, T0 + 1000, [1, 1, 1]);
    const stale = alerts.alerts().find((a) => a.severity === 'stale') as Alert;
    expect(stale).toMatchObject({ since: T0 + 3000, firedAt: T0 + 5000, resolvedAt: T0 + 60_000 });
    expect(stale.firedAt as number).toBeLessThanOrEqual(stale.resolvedAt as number);
    const resolved = alerts
      .transitions()
      .filter((t) => t.alertId === stale.id && t.state === 'resolved');
    expect(resolved.map((t) => t.at)).toEqual([T0 + 60_000]);
  });
});

describe('alert context', () => {
  it('names the version that ran when the alert started, not the one running now', () => {
    let running = '2.14.0';
    const { alerts, feed } = setup({ runningVersion: () => running });
    feed(errors, T0, [30, 30, 30, 30]);
    running = '2.13.2';
    feed(errors, T0 + 4000, [30, 1, 1, 1, 1, 1, 1]);
    feed(errors, T0 + 200_000, [30, 30, 30, 30]);
    const versions = alerts
      .alerts()
      .sort((a, b) => a.since - b.since)
      .map((a) => a.version);
    expect(versions).toEqual(['2.14.0', '2.13.2']);
  });

  it('unmutes a series still silent once the link is back: its own stale alert speaks again', () => {
    const { alerts, feed, open } = setup();
    alerts.link(link('open'), T0);
    feed(errors, T0, [1]);
    feed(latency, T0, [1]);
    alerts.tick(T0 + 3500);
    alerts.link(link('reconnecting'), T0 + 4000);
    for (let at = T0 + 5000; at <= T0 + 9000; at += 1000) alerts.tick(at);
    expect(tallyAlerts(open())).toMatchObject({ firing: 1, blind: 1 });
    alerts.link(link('open'), T0 + 10_000);
    // Errors speak again; latency stays silent past its stale limit.
    for (let at = T0 + 10_000; at <= T0 + 20_000; at += 1000) {
      feed(errors, at, [1]);
      alerts.tick(at);
    }
    const silent = open().filter((a) => a.seriesKey === latency.key);
    expect(silent).toHaveLength(1);
    expect(silent[0]?.inhibitedBy).toBeUndefined();
    expect(open().filter((a) => a.seriesKey === errors.key)).toEqual([]);
  });
});
