// The review scrubber's view: at each instant, exactly what the wall showed
// then. An alert that fired at t appears at t, not a millisecond before.
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, type Snapshot, type SnapshotHistory } from '../api/snapshot';
import type { EndpointDeployments } from '../api/console-state';
import type { ReleaseStatus } from '../api/releases';
import { snapshotToState, upperBound } from './snapshot-view';

const T = Date.UTC(2025, 0, 15, 11, 0, 0);
const s = (seconds: number) => T + seconds * 1000;
const iso = (seconds: number) => new Date(s(seconds)).toISOString();
const rollback = {
  action: 'deploy.rollback' as const,
  args: { service: 'billing', environment: 'production' },
};

const times = Array.from({ length: 601 }, (_, i) => s(i));
const snapshot: Snapshot = {
  format: 'watchfloor.snapshot',
  version: 2,
  meta: {
    title: 'review',
    notes: '',
    createdAt: s(600),
    createdBy: 'ana',
    appVersion: 'test',
    window: { from: s(0), to: s(600) },
  },
  endpoints: [{ id: 'demo', url: 'ws://127.0.0.1:1', name: 'Demo', state: 'open' }],
  series: [
    {
      key: 'demo/avail',
      endpointId: 'demo',
      id: 'avail',
      title: 'Availability',
      level: 'service',
      unit: '%',
      kind: 'gauge',
      intervalMs: 1000,
    },
  ],
  points: { 'demo/avail': { t: times, v: times.map((_, i) => 100 - i / 100) } },
  deployments: [],
  events: [
    {
      specversion: '1.0',
      id: 'e1',
      source: 'demo',
      type: 'deploy.started',
      time: iso(205),
      endpointId: 'demo',
    },
    {
      specversion: '1.0',
      id: 'e2',
      source: 'demo',
      type: 'deploy.finished',
      time: iso(265),
      endpointId: 'demo',
    },
  ],
  actions: [
    {
      ...rollback,
      endpointId: 'demo',
      key: 'logged-action-1',
      state: 'succeeded',
      operator: 'ana',
      submittedAt: s(200),
      updatedAt: s(260),
    },
    {
      ...rollback,
      endpointId: 'demo',
      key: 'unlogged-action',
      state: 'failed',
      operator: 'bo',
      submittedAt: s(250),
      updatedAt: s(280),
    },
  ],
  alerts: [
    {
      id: 'alert-1',
      seriesKey: 'demo/avail',
      endpointId: 'demo',
      title: 'Availability',
      severity: 'critical',
      state: 'resolved',
      since: s(100),
      firedAt: s(102),
      resolvedAt: s(300),
      value: 97,
      acknowledged: { by: 'ana', at: s(120) },
    },
    {
      id: 'alert-2',
      seriesKey: 'demo/avail',
      endpointId: 'demo',
      title: 'Availability',
      severity: 'stale',
      state: 'firing',
      since: s(400),
      firedAt: s(400),
    },
    // Its transitions fell off the bounded timeline: its own times decide.
    {
      id: 'alert-3',
      seriesKey: 'demo/avail',
      endpointId: 'demo',
      title: 'Availability',
      severity: 'warning',
      state: 'firing',
      since: s(500),
      firedAt: s(510),
    },
  ],
  alertTimeline: [
    { at: s(100), alertId: 'alert-1', state: 'pending', note: 'warning pending', value: 99 },
    { at: s(102), alertId: 'alert-1', state: 'firing', note: 'warning held for 2 s', value: 98.98 },
    { at: s(120), alertId: 'alert-1', state: 'firing', note: 'acknowledged by ana' },
    { at: s(150), alertId: 'alert-1', state: 'firing', note: 'escalated to critical', value: 98.5 },
    {
      at: s(300),
      alertId: 'alert-1',
      state: 'resolved',
      note: 'back within bounds at 99.5',
      value: 99.5,
    },
    { at: s(400), alertId: 'alert-2', state: 'firing', note: 'stale fired' },
  ],
  audit: [
    {
      seq: 1,
      at: iso(200),
      operator: 'ana',
      endpointId: 'demo',
      key: 'logged-action-1',
      ...rollback,
      state: 'pending',
    },
    {
      seq: 2,
      at: iso(201),
      operator: 'ana',
      endpointId: 'demo',
      key: 'logged-action-1',
      ...rollback,
      state: 'accepted',
    },
    {
      seq: 3,
      at: iso(202),
      operator: 'ana',
      endpointId: 'demo',
      key: 'logged-action-1',
      ...rollback,
      state: 'running',
    },
    {
      seq: 4,
      at: iso(230),
      operator: 'ana',
      endpointId: 'demo',
      key: 'logged-action-1',
      ...rollback,
      state: 'running',
      override: true,
      reason: 'promoted past a failing gate',
    },
    {
      seq: 5,
      at: iso(260),
      operator: 'ana',
      endpointId: 'demo',
      key: 'logged-action-1',
      ...rollback,
      state: 'succeeded',
    },
  ],
  annotations: [{ id: 'a1', at: s(210), text: 'rollback started', author: 'ana' }],
  releases: [],
  history: EMPTY_HISTORY,
};

const alertsAt = (seconds: number) => snapshotToState(snapshot, s(seconds)).alerts;
const alertAt = (seconds: number, id = 'alert-1') => alertsAt(seconds).find((a) => a.id === id);
const actionAt = (seconds: number, key: string) =>
  snapshotToState(snapshot, s(seconds)).actions.find((a) => a.key === key);

describe('snapshotToState', () => {
  it('shows points up to the instant, none after', () => {
    const view = snapshotToState(snapshot, s(99) + 500);
    expect(view.at).toBe(s(99) + 500);
    expect(view.points['demo/avail']?.t).toHaveLength(100);
    expect(view.points['demo/avail']?.t.at(-1)).toBe(s(99));
    expect(snapshotToState(snapshot, s(0) - 1).points['demo/avail']?.t).toEqual([]);
  });

  it('raises an alert at the instant it started, not before', () => {
    expect(alertAt(100 - 0.001)).toBeUndefined();
    expect(alertAt(100)).toMatchObject({ state: 'pending', severity: 'warning' });
    expect(alertAt(100)?.firedAt).toBeUndefined();
    expect(alertAt(101.999)?.state).toBe('pending');
    expect(alertAt(102)).toMatchObject({ state: 'firing', firedAt: s(102), severity: 'warning' });
  });

  it('shows the acknowledgement and the escalation from when they happened', () => {
    expect(alertAt(119)?.acknowledged).toBeUndefined();
    expect(alertAt(120)?.acknowledged).toEqual({ by: 'ana', at: s(120) });
    expect(alertAt(149)?.severity).toBe('warning');
    expect(alertAt(150)?.severity).toBe('critical');
  });

  it("gives an alert the series' value at the instant, as the wall showed it", () => {
    expect(alertAt(130)?.value).toBe(100 - 130 / 100);
    expect(alertAt(299)?.resolvedAt).toBeUndefined();
  });

  it('resolves at the resolving transition and lists open alerts first', () => {
    expect(alertAt(300)).toMatchObject({ state: 'resolved', resolvedAt: s(300) });
    expect(alertsAt(450).map((a) => [a.id, a.state])).toEqual([
      ['alert-2', 'firing'],
      ['alert-1', 'resolved'],
    ]);
  });

  it('falls back on an alert’s own times when its transitions are gone', () => {
    expect(alertAt(499, 'alert-3')).toBeUndefined();
    expect(alertAt(505, 'alert-3')?.state).toBe('pending');
    expect(alertAt(510, 'alert-3')).toMatchObject({ state: 'firing', firedAt: s(510) });
  });

  it('keeps the first firing time when the timeline lost it and kept a later note', () => {
    const trimmed: Snapshot = {
      ...snapshot,
      // The bounded timeline dropped alert-1's pending and firing transitions.
      alertTimeline: snapshot.alertTimeline.filter(
        (t) => t.alertId !== 'alert-1' || t.at >= s(150),
      ),
    };
    const at = snapshotToState(trimmed, s(200)).alerts.find((a) => a.id === 'alert-1');
    expect(at).toMatchObject({ state: 'firing', firedAt: s(102), severity: 'critical' });
  });

  it('shows each action in the state the audit log gives it at the instant', () => {
    expect(actionAt(199, 'logged-action-1')).toBeUndefined();
    expect(actionAt(200, 'logged-action-1')?.state).toBe('pending');
    expect(actionAt(201, 'logged-action-1')?.state).toBe('accepted');
    expect(actionAt(240, 'logged-action-1')).toMatchObject({ state: 'running', updatedAt: s(230) });
    expect(actionAt(260, 'logged-action-1')?.state).toBe('succeeded');
  });

  it('shows an action without audit entries as pending until its final update', () => {
    expect(actionAt(250, 'unlogged-action')).toMatchObject({ state: 'pending', updatedAt: s(250) });
    expect(actionAt(280, 'unlogged-action')?.state).toBe('failed');
  });

  it('filters events, timeline, audit and annotations to the instant', () => {
    const view = snapshotToState(snapshot, s(210));
    expect(view.events.map((e) => e.id)).toEqual(['e1']);
    expect(view.alertTimeline).toHaveLength(4);
    expect(view.audit.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(view.annotations.map((a) => a.id)).toEqual(['a1']);
    expect(snapshotToState(snapshot, s(209)).annotations).toEqual([]);
  });

  it('defaults to the end of the window: the wall as exported', () => {
    const view = snapshotToState(snapshot);
    expect(view.at).toBe(s(600));
    // Nothing to cut: the arrays are shared, not copied.
    expect(view.points['demo/avail']?.t).toBe(snapshot.points['demo/avail']?.t);
    expect(view.alerts.map((a) => a.id)).toEqual(['alert-2', 'alert-3', 'alert-1']);
    expect(view.actions.map((a) => a.state)).toEqual(['succeeded', 'failed']);
  });

  it('finds how many sorted times are at or before an instant', () => {
    expect(upperBound([], 5)).toBe(0);
    expect(upperBound([1, 2, 2, 3], 2)).toBe(3);
    expect(upperBound([1, 2, 3], 0)).toBe(0);
    expect(upperBound([1, 2, 3], 9)).toBe(3);
  });
});

const billing = (version: string, status: 'healthy' | 'degraded', at: number) =>
  ({
    endpointId: 'demo',
    resourceVersion: at,
    services: [
      {
        id: 'billing',
        name: 'Billing',
        environments: [
          {
            id: 'production',
            version,
            previousVersions: version === '2.14.0' ? ['2.13.2'] : ['2.13.1'],
            status,
            updatedAt: at,
          },
        ],
      },
    ],
  }) satisfies EndpointDeployments;

const release = (ring: string, verdict: 'worse' | 'same'): ReleaseStatus => ({
  endpointId: 'demo',
  service: 'web',
  serviceName: 'Web',
  environment: 'production',
  version: '5.9.0',
  baselineVersion: '5.8.1',
  rings: [{ id: ring, name: ring, share: 0.05, version: '5.9.0' }],
  ring: { id: ring, name: ring, share: 0.05, version: '5.9.0' },
  gates: [
    {
      metric: 'errors',
      title: 'Errors',
      unit: '%',
      releaseKey: `demo/errors.${ring}`,
      tolerance: 0.1,
      direction: 'above',
      verdict,
    },
  ],
  promote: { allowed: verdict !== 'worse' },
});

// Written out of order and with a repeat, as a merged or hand-edited file might be.
const history: SnapshotHistory = {
  recorded: true,
  deployments: [
    { at: s(300), deployments: billing('2.13.2', 'healthy', s(300)) },
    { at: s(50), deployments: billing('2.13.2', 'healthy', s(50)) },
    { at: s(100), deployments: billing('2.14.0', 'degraded', s(100)) },
    { at: s(100), deployments: billing('2.14.0', 'degraded', s(100)) },
  ],
  releases: [
    { at: s(400), releases: [] },
    { at: s(200), releases: [release('beta', 'worse')] },
    { at: s(20), releases: [release('internal', 'same')] },
  ],
  links: [
    { at: s(150), endpointId: 'demo', state: 'reconnecting' },
    { at: s(10), endpointId: 'demo', state: 'open' },
    { at: s(160), endpointId: 'demo', state: 'open' },
  ],
  actions: [
    {
      at: s(250),
      action: {
        ...rollback,
        endpointId: 'demo',
        key: 'logged-action-1',
        state: 'running',
        operator: 'ana',
        submittedAt: s(200),
        updatedAt: s(250),
      },
    },
  ],
  departed: [{ at: s(450), key: 'demo/errors.beta' }],
};
const recorded: Snapshot = {
  ...snapshot,
  series: [
    ...snapshot.series,
    {
      key: 'demo/errors.beta',
      endpointId: 'demo',
      id: 'errors.beta',
      title: 'Errors (beta)',
      level: 'service',
      unit: '%',
      kind: 'gauge',
      intervalMs: 1000,
    },
  ],
  points: { ...snapshot.points, 'demo/errors.beta': { t: [s(190), s(440)], v: [3.2, 3.1] } },
  deployments: [billing('2.13.2', 'healthy', s(300))],
  releases: [],
  history,
};
const viewAt = (seconds: number) => snapshotToState(recorded, s(seconds));
const billingAt = (seconds: number) => viewAt(seconds).deployments[0]?.services[0]?.environments[0];

describe('snapshotToState with recorded history', () => {
  it('shows each deployment as it was at the instant, whatever the order of the entries', () => {
    expect(billingAt(60)).toMatchObject({ version: '2.13.2', status: 'healthy' });
    expect(billingAt(100)).toMatchObject({ version: '2.14.0', status: 'degraded' });
    expect(billingAt(299)).toMatchObject({ version: '2.14.0', status: 'degraded' });
    expect(billingAt(300)).toMatchObject({ version: '2.13.2', status: 'healthy' });
    expect(viewAt(120).deployments).toHaveLength(1);
  });

  it('shows the earliest recorded state before the first change', () => {
    expect(billingAt(0)).toMatchObject({ version: '2.13.2', updatedAt: s(50) });
    expect(viewAt(0).releases[0]?.ring.id).toBe('internal');
  });

  it('shows releases with their rings and verdicts at the instant', () => {
    expect(viewAt(100).releases[0]?.gates[0]?.verdict).toBe('same');
    expect(viewAt(200).releases[0]).toMatchObject({
      ring: { id: 'beta' },
      promote: { allowed: false },
    });
    expect(viewAt(200).releases[0]?.gates[0]?.verdict).toBe('worse');
    expect(viewAt(400).releases).toEqual([]);
  });

  it('shows link states and action lifecycles at the instant', () => {
    expect(viewAt(155).endpoints[0]?.state).toBe('reconnecting');
    expect(viewAt(160).endpoints[0]?.state).toBe('open');
    expect(actionAt(240, 'logged-action-1')?.state).toBe('running');
    expect(
      snapshotToState(recorded, s(255)).actions.find((a) => a.key === 'logged-action-1'),
    ).toMatchObject({ state: 'running', updatedAt: s(250) });
  });

  it('keeps a departed series on the wall until it left', () => {
    expect(viewAt(449).series.map((x) => x.key)).toContain('demo/errors.beta');
    expect(viewAt(450).series.map((x) => x.key)).not.toContain('demo/errors.beta');
    expect(viewAt(450).historyRecorded).toBe(true);
  });

  it('falls back on the export for a file without history', () => {
    const exported = { ...recorded, history: EMPTY_HISTORY };
    expect(
      snapshotToState(exported, s(100)).deployments[0]?.services[0]?.environments[0]?.version,
    ).toBe('2.13.2');
    expect(snapshotToState(exported, s(100)).historyRecorded).toBe(false);
  });
});

describe('snapshotToState at the edges of each instant', () => {
  it('includes an event and a transition stamped exactly at the instant', () => {
    expect(snapshotToState(snapshot, s(205)).events.map((e) => e.id)).toEqual(['e1']);
    expect(snapshotToState(snapshot, s(102)).alertTimeline).toHaveLength(2);
  });

  it('cuts the values with their times', () => {
    const cut = snapshotToState(snapshot, s(99) + 500).points['demo/avail'];
    expect(cut?.v).toHaveLength(100);
    expect(cut?.v.at(-1)).toBe(100 - 99 / 100);
  });

  it('raises an alert without transitions at its own start, not a millisecond later', () => {
    expect(alertAt(500, 'alert-3')?.state).toBe('pending');
  });
});

// Alerts on a series with no points: their value can only come from their transitions.
const quietAlert = (id: string, extra: Partial<Snapshot['alerts'][number]>) => ({
  id,
  seriesKey: 'demo/quiet',
  endpointId: 'demo',
  title: 'Quiet',
  severity: 'warning' as const,
  state: 'resolved' as const,
  since: s(100),
  ...extra,
});
const quiet: Snapshot = {
  ...snapshot,
  alerts: [
    quietAlert('older', { firedAt: s(110), resolvedAt: s(300) }),
    quietAlert('newer', { firedAt: s(110), resolvedAt: s(350) }),
    quietAlert('valued', { firedAt: s(102), resolvedAt: s(300) }),
    quietAlert('twice', { firedAt: s(102), resolvedAt: s(350) }),
  ],
  alertTimeline: [
    { at: s(100), alertId: 'valued', state: 'pending', note: 'warning pending', value: 1 },
    { at: s(102), alertId: 'valued', state: 'firing', note: 'warning fired', value: 2 },
    { at: s(120), alertId: 'valued', state: 'firing', note: 'acknowledged by ana' },
    { at: s(300), alertId: 'valued', state: 'resolved', note: 'back within bounds', value: 3 },
    { at: s(100), alertId: 'twice', state: 'pending', note: 'warning pending' },
    { at: s(102), alertId: 'twice', state: 'firing', note: 'warning fired' },
    { at: s(200), alertId: 'twice', state: 'resolved', note: 'back within bounds' },
    { at: s(250), alertId: 'twice', state: 'firing', note: 'warning fired' },
    { at: s(350), alertId: 'twice', state: 'resolved', note: 'back within bounds' },
  ],
};
const quietAt = (seconds: number, id: string) =>
  snapshotToState(quiet, s(seconds)).alerts.find((a) => a.id === id);

describe('snapshotToState for alerts without series values', () => {
  it('resolves an alert without transitions at its own resolution time', () => {
    expect(quietAt(299, 'older')?.state).toBe('firing');
    expect(quietAt(300, 'older')).toMatchObject({ state: 'resolved', resolvedAt: s(300) });
  });

  it('lists the most recently resolved alert first', () => {
    const resolved = snapshotToState(quiet, s(600)).alerts.map((a) => a.id);
    expect(resolved.indexOf('newer')).toBeLessThan(resolved.indexOf('older'));
    expect(resolved.indexOf('twice')).toBeLessThan(resolved.indexOf('valued'));
  });

  it('has no value when neither the series nor a transition gives one', () => {
    expect(quietAt(150, 'older')).not.toHaveProperty('value');
  });

  it("takes the value of the alert's last transition that carried one by the instant", () => {
    expect(quietAt(100, 'valued')?.value).toBe(1);
    expect(quietAt(102, 'valued')?.value).toBe(2);
    expect(quietAt(120, 'valued')?.value).toBe(2);
    expect(quietAt(300, 'valued')?.value).toBe(3);
  });

  it('takes the resolution time from the timeline: the resolution that had happened by then', () => {
    expect(quietAt(200, 'twice')).toMatchObject({ state: 'resolved', resolvedAt: s(200) });
    expect(quietAt(210, 'twice')?.resolvedAt).toBe(s(200));
    expect(quietAt(260, 'twice')).not.toHaveProperty('resolvedAt');
    expect(quietAt(400, 'twice')?.resolvedAt).toBe(s(350));
  });
});

describe('snapshotToState with partial history', () => {
  it('adds an endpoint whose deployments only the history recorded', () => {
    const other = { ...billing('3.0.0', 'healthy', s(100)), endpointId: 'other' };
    const withOther: Snapshot = {
      ...recorded,
      history: {
        ...history,
        deployments: [...history.deployments, { at: s(100), deployments: other }],
      },
    };
    const shown = snapshotToState(withOther, s(120)).deployments;
    expect(shown.map((d) => d.endpointId)).toEqual(['demo', 'other']);
  });

  it('shows the exported releases when the history recorded none', () => {
    const exported = [release('beta', 'worse')];
    const noReleases: Snapshot = {
      ...recorded,
      releases: exported,
      history: { ...history, releases: [] },
    };
    expect(snapshotToState(noReleases, s(100)).releases).toEqual(exported);
  });

  it('keeps a departed series that reported again after it left, and drops one with no points', () => {
    const returned = (t: number[]): Snapshot => ({
      ...recorded,
      points: { ...snapshot.points, 'demo/errors.beta': { t, v: t.map(() => 3) } },
    });
    const keys = (file: Snapshot, seconds: number) =>
      snapshotToState(file, s(seconds)).series.map((x) => x.key);
    expect(keys(returned([s(190), s(300), s(460)]), 470)).toContain('demo/errors.beta');
    // A last point at the very instant it left is not a return.
    expect(keys(returned([s(190), s(450)]), 470)).not.toContain('demo/errors.beta');
    const noPoints: Snapshot = { ...recorded, points: snapshot.points };
    expect(keys(noPoints, 449)).toContain('demo/errors.beta');
    expect(keys(noPoints, 450)).not.toContain('demo/errors.beta');
  });

  it('adds an action only the history recorded, and leaves the others as they were', () => {
    const extra = {
      ...rollback,
      endpointId: 'demo',
      key: 'history-only',
      state: 'succeeded' as const,
      operator: 'cy',
      submittedAt: s(265),
      updatedAt: s(270),
    };
    const withExtra: Snapshot = {
      ...recorded,
      history: { ...history, actions: [...history.actions, { at: s(270), action: extra }] },
    };
    const actions = snapshotToState(withExtra, s(290)).actions;
    expect(actions.map((a) => [a.key, a.state])).toEqual([
      ['logged-action-1', 'running'],
      ['unlogged-action', 'failed'],
      ['history-only', 'succeeded'],
    ]);
  });
});
