// Writer → file → reader: what was exported is what is read back, trimmed to
// the window, through real files in a temporary directory.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, AlertTransition } from '../../../shared/api/alerts';
import type { AuditEntry } from '../../../shared/api/audit';
import type { ReleaseStatus } from '../../../shared/api/releases';
import type { ActionRecord } from '../../../shared/api/actions';
import type { ConsoleEvent, EndpointDeployments } from '../../../shared/api/console-state';
import type { ConsoleSeries, Points } from '../../../shared/api/series';
import type { SnapshotSource } from '../../../shared/api/snapshot';
import { SnapshotError } from './snapshot-error';
import { readSnapshot } from './snapshot-reader';
import { saveSnapshot, writeSnapshot } from './snapshot-writer';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const MIN = 60_000;
const at = (minutesAgo: number) => NOW - minutesAgo * MIN;
const iso = (minutesAgo: number) => new Date(at(minutesAgo)).toISOString();

const series: ConsoleSeries[] = [
  {
    key: 'demo/app.users.active',
    endpointId: 'demo',
    id: 'app.users.active',
    title: 'Active users',
    level: 'business',
    unit: '{user}',
    kind: 'gauge',
    intervalMs: 1000,
  },
  {
    key: 'demo/service.availability',
    endpointId: 'demo',
    id: 'service.availability',
    title: 'Availability',
    level: 'service',
    unit: '%',
    kind: 'gauge',
    intervalMs: 1000,
    thresholds: { warning: 99.9, critical: 99, direction: 'below' },
    service: 'billing',
  },
  {
    key: 'demo/system.cpu',
    endpointId: 'demo',
    id: 'system.cpu',
    title: 'CPU “load” <b>',
    level: 'technical',
    unit: '%',
    kind: 'gauge',
    intervalMs: 1000,
    error: 'query failed: "x" < 1',
  },
  {
    key: 'prom/http.rate',
    endpointId: 'prom',
    id: 'http.rate',
    title: 'Request rate',
    level: 'technical',
    unit: '{request}/s',
    kind: 'gauge',
    intervalMs: 15_000,
    attributes: { ring: 'canary' },
  },
  {
    key: 'prom/empty',
    endpointId: 'prom',
    id: 'empty',
    title: 'Never reported',
    level: 'technical',
    unit: 'ms',
    kind: 'gauge',
    intervalMs: 1000,
  },
];

/** 90 minutes of history per series: the last 60 are in the window. */
function history(key: string): Points {
  if (key === 'prom/empty') return { t: [], v: [] };
  const step = key.startsWith('prom/') ? 15_000 : 1000;
  const t: number[] = [];
  const v: number[] = [];
  for (let time = at(90); time <= NOW; time += step) {
    t.push(time + (key === 'demo/app.users.active' ? time % 7 : 0));
    const i = t.length;
    v.push(
      key === 'prom/http.rate'
        ? i / 3
        : key.includes('availability')
          ? 99 + (i % 100) / 100
          : i % 500,
    );
  }
  return { t, v };
}

const alerts: Alert[] = [
  {
    id: 'alert-1',
    seriesKey: 'demo/service.availability',
    endpointId: 'demo',
    title: 'Availability',
    severity: 'critical',
    state: 'firing',
    since: at(20),
    firedAt: at(19),
  },
  {
    id: 'alert-2',
    seriesKey: 'demo/system.cpu',
    endpointId: 'demo',
    title: 'CPU',
    severity: 'warning',
    state: 'resolved',
    since: at(50),
    firedAt: at(49),
    resolvedAt: at(40),
  },
  {
    id: 'alert-0',
    seriesKey: 'demo/system.cpu',
    endpointId: 'demo',
    title: 'CPU',
    severity: 'warning',
    state: 'resolved',
    since: at(85),
    firedAt: at(84),
    resolvedAt: at(80),
  },
];
const alertTimeline: AlertTransition[] = [
  { at: at(84), alertId: 'alert-0', state: 'firing', note: 'warning fired' },
  { at: at(80), alertId: 'alert-0', state: 'resolved', note: 'back within bounds' },
  { at: at(49), alertId: 'alert-2', state: 'firing', note: 'warning fired', value: 75 },
  {
    at: at(40),
    alertId: 'alert-2',
    state: 'resolved',
    note: 'back within bounds at 50',
    value: 50,
  },
  { at: at(19), alertId: 'alert-1', state: 'firing', note: 'critical fired', value: 98.2 },
];
const rollback = {
  action: 'deploy.rollback' as const,
  args: { service: 'billing', environment: 'production' },
};
const actions: ActionRecord[] = [
  {
    ...rollback,
    endpointId: 'demo',
    key: 'intent-old-000',
    state: 'succeeded',
    operator: 'ana',
    submittedAt: at(88),
    updatedAt: at(87),
  },
  {
    ...rollback,
    endpointId: 'demo',
    key: 'intent-new-001',
    state: 'succeeded',
    operator: 'ana',
    reason: 'availability <90%',
    message: '2.14.0 → 2.13.2',
    submittedAt: at(15),
    updatedAt: at(14),
  },
  {
    ...rollback,
    endpointId: 'demo',
    key: 'intent-stuck-02',
    state: 'running',
    operator: 'bo',
    submittedAt: at(70),
    updatedAt: at(70),
  },
];
const events: ConsoleEvent[] = [
  {
    specversion: '1.0',
    id: 'e-old',
    source: 'demo',
    type: 'deploy.started',
    time: iso(80),
    subject: 'billing/production',
    endpointId: 'demo',
  },
  {
    specversion: '1.0',
    id: 'e-new',
    source: 'demo',
    type: 'deploy.finished',
    time: iso(30),
    subject: 'billing/production',
    data: { version: '2.14.0' },
    endpointId: 'demo',
  },
];
const deployments: EndpointDeployments[] = [
  {
    endpointId: 'demo',
    resourceVersion: 7,
    services: [
      {
        id: 'billing',
        name: 'Billing',
        environments: [
          {
            id: 'production',
            version: '2.13.2',
            previousVersions: ['2.13.1'],
            status: 'healthy',
            updatedAt: at(14),
          },
        ],
      },
    ],
  },
];
const audit: AuditEntry[] = [
  {
    seq: 1,
    at: iso(88),
    operator: 'ana',
    endpointId: 'demo',
    key: 'intent-old-000',
    action: 'deploy.rollback',
    args: rollback.args,
    state: 'pending',
  },
  {
    seq: 3,
    at: iso(14),
    operator: 'ana',
    endpointId: 'demo',
    key: 'intent-new-001',
    action: 'deploy.rollback',
    args: rollback.args,
    state: 'succeeded',
  },
  {
    seq: 2,
    at: iso(15),
    operator: 'ana',
    endpointId: 'demo',
    key: 'intent-new-001',
    action: 'deploy.rollback',
    args: rollback.args,
    state: 'pending',
    reason: 'availability <90%',
  },
];

const canary = { id: 'canary', name: 'Canary', share: 0.05, version: '2.14.0' };
const releases: ReleaseStatus[] = [
  {
    endpointId: 'demo',
    service: 'billing',
    serviceName: 'Billing',
    environment: 'production',
    version: '2.14.0',
    baselineVersion: '2.13.2',
    rings: [canary],
    ring: canary,
    gates: [
      {
        metric: 'errors',
        title: 'Error rate',
        unit: '%',
        releaseKey: 'demo/errors',
        tolerance: 0.1,
        direction: 'above',
        verdict: 'same',
      },
    ],
    promote: { allowed: true },
  },
];

function fixtureSource(extra: Partial<SnapshotSource> = {}): SnapshotSource {
  const endpoints = [
    {
      id: 'demo',
      url: 'ws://127.0.0.1:7400',
      name: 'Demo SaaS',
      state: 'open' as const,
      clockSkewMs: 12,
      rttMs: 3,
    },
    {
      id: 'prom',
      url: 'wss://prom.example:443',
      name: 'Prometheus',
      state: 'reconnecting' as const,
    },
  ];
  return {
    state: () => ({
      endpoints,
      series,
      deployments,
      actions,
      events,
      alerts,
      alertTimeline,
      releases,
    }),
    points: (key, from) => {
      const all = history(key);
      const first = all.t.findIndex((time) => time >= from);
      return first < 0 ? { t: [], v: [] } : { t: all.t.slice(first), v: all.v.slice(first) };
    },
    audit: (from, to) => audit.filter((e) => Date.parse(e.at) >= from && Date.parse(e.at) <= to),
    appVersion: '0.1.0',
    operator: () => 'Ana Ops',
    now: () => NOW,
    ...extra,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wf-snapshot-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('snapshot round trip', () => {
  it('reads back from a file what was exported, trimmed to the window', async () => {
    const title = 'Billing outage 🔥 "Jan 15" <draft>';
    const notes = 'Rolled back at 11:45.\nRoot cause: TBD & pending.';
    const annotations = [
      {
        id: 'n1',
        at: at(16),
        text: 'availability dips here',
        author: 'bo',
        seriesKey: 'demo/service.availability',
      },
      { id: 'n2', at: at(10), text: 'customers report errors', author: 'ana' },
    ];
    const buffer = await writeSnapshot(fixtureSource(), { title, notes, annotations });
    const path = join(dir, 'incident.wfsnap');
    await saveSnapshot(path, buffer);
    const snapshot = await readSnapshot(path);

    expect(snapshot.meta).toEqual({
      title,
      notes,
      createdAt: NOW,
      createdBy: 'Ana Ops',
      appVersion: '0.1.0',
      window: { from: at(60), to: NOW },
    });
    expect(snapshot.endpoints).toEqual([
      { id: 'demo', url: 'ws://127.0.0.1:7400', name: 'Demo SaaS', state: 'open', clockSkewMs: 12 },
      { id: 'prom', url: 'wss://prom.example:443', name: 'Prometheus', state: 'reconnecting' },
    ]);
    expect(snapshot.series).toEqual(series);
    for (const { key } of series) {
      const expected = fixtureSource().points(key, at(60));
      expect(snapshot.points[key], key).toEqual(expected);
    }
    expect(snapshot.points['demo/app.users.active']?.t.length).toBe(3601);
    expect(snapshot.deployments).toEqual(deployments);
    expect(snapshot.alerts.map((a) => a.id)).toEqual(['alert-1', 'alert-2']);
    expect(snapshot.alertTimeline).toEqual(alertTimeline.slice(2));
    expect(snapshot.actions.map((a) => a.key)).toEqual(['intent-new-001', 'intent-stuck-02']);
    expect(snapshot.events.map((e) => e.id)).toEqual(['e-new']);
    expect(snapshot.audit.map((e) => e.seq)).toEqual([2, 3]);
    expect(snapshot.annotations).toEqual(annotations);
    expect(snapshot.releases).toEqual(releases);
  });

  it('honours a custom window', async () => {
    const snapshot = await readSnapshot(
      await writeSnapshot(fixtureSource(), { title: 'last 5 min', windowMs: 5 * MIN }),
    );
    expect(snapshot.meta.window).toEqual({ from: at(5), to: NOW });
    expect(snapshot.points['prom/http.rate']?.t).toEqual(
      Array.from({ length: 21 }, (_, i) => at(5) + i * 15_000),
    );
    expect(snapshot.alerts.map((a) => a.id)).toEqual(['alert-1']);
  });

  it('streams a document of megabytes through the incremental reader', async () => {
    const many = Array.from({ length: 60 }, (_, i): ConsoleSeries => ({
      ...series[3]!,
      key: `prom/s${i}`,
      id: `s${i}`,
    }));
    const points = (key: string): Points => {
      const seed = Number(key.slice(6));
      const t = Array.from({ length: 3600 }, (_, i) => at(60) + i * 1000);
      return { t, v: t.map((_, i) => Math.sin(i / 50 + seed) / 3) };
    };
    const source = fixtureSource({
      state: () => ({ ...fixtureSource().state(0), series: many }) as never,
      points,
    });
    const buffer = await writeSnapshot(source, { title: 'big' });
    // Inflated in 1 MB chunks: entries straddle chunk ends and must be resumed.
    expect(gunzipSync(buffer).length).toBeGreaterThan(2 << 20);
    const snapshot = await readSnapshot(buffer);
    for (const { key } of many) expect(snapshot.points[key]).toEqual(points(key));
  });

  it('reads a file re-indented, or with points before the head, the same', async () => {
    const buffer = await writeSnapshot(fixtureSource(), { title: 'reshaped' });
    const expected = await readSnapshot(buffer);
    const doc = JSON.parse(gunzipSync(buffer).toString('utf8')) as Record<string, unknown>;
    const pretty = gzipSync(`\ufeff${JSON.stringify(doc, null, 2)}\n`);
    const { points, ...head } = doc;
    const reordered = gzipSync(JSON.stringify({ points, ...head }));
    expect(await readSnapshot(pretty)).toEqual(expected);
    expect(await readSnapshot(reordered)).toEqual(expected);
    const { releases, ...withoutReleases } = head;
    const releasesLast = gzipSync(JSON.stringify({ ...withoutReleases, points, releases }));
    expect(await readSnapshot(releasesLast)).toEqual(expected);
    const early = gzipSync(JSON.stringify({ ...withoutReleases, points }));
    expect((await readSnapshot(early)).releases).toEqual([]);
  });

  it('refuses to write what it could not read back', async () => {
    const write = writeSnapshot(fixtureSource(), { title: 'x'.repeat(201) });
    await expect(write).rejects.toThrow(SnapshotError);
    await expect(write).rejects.toThrow(/meta\.title/);
  });

  it('saves atomically: the old file is replaced whole and no temporary file remains', async () => {
    const path = join(dir, 'incident.wfsnap');
    await writeFile(path, 'previous');
    const buffer = await writeSnapshot(fixtureSource(), { title: 'second' });
    await saveSnapshot(path, buffer);
    expect(await readdir(dir)).toEqual(['incident.wfsnap']);
    expect((await readSnapshot(path)).meta.title).toBe('second');
    await expect(saveSnapshot(join(dir, 'missing', 'x.wfsnap'), buffer)).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual(['incident.wfsnap']);
  });
});
