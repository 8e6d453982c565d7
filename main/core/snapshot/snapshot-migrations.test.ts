// Older formats open as the current one: version 0 (the prototype's, with
// [time, value] pairs) and version 1 (no history) read as version 2 with the
// same content, and say that they recorded no history.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_VERSION } from '../../../shared/api/snapshot';
import { MIGRATIONS } from './snapshot-migrations';
import { readSnapshot } from './snapshot-reader';
import { SnapshotError } from './snapshot-error';

const T = Date.UTC(2024, 10, 2, 9, 0, 0);

const v0 = {
  format: 'watchfloor.snapshot',
  version: 0,
  title: 'Prototype export',
  notes: 'made with the prototype',
  createdAt: new Date(T + 60_000).toISOString(),
  createdBy: 'ana',
  appVersion: '0.0.3',
  from: T,
  to: T + 60_000,
  endpoints: [{ id: 'demo', url: 'ws://127.0.0.1:7400', name: 'Demo SaaS', state: 'open' }],
  series: [
    {
      key: 'demo/cpu',
      endpointId: 'demo',
      id: 'cpu',
      title: 'CPU',
      level: 'technical',
      unit: '%',
      kind: 'gauge',
      intervalMs: 1000,
    },
    {
      key: 'demo/users',
      endpointId: 'demo',
      id: 'users',
      title: 'Users',
      level: 'business',
      unit: '{user}',
      kind: 'gauge',
      intervalMs: 1000,
    },
  ],
  points: {
    // Out of order on purpose: the prototype did not enforce it.
    'demo/cpu': [
      [T + 1000, 41.5],
      [T, 40.25],
      [T + 2000, 1 / 3],
    ],
    'demo/users': [],
  },
  alerts: [],
  alertTimeline: [],
  actions: [],
  events: [],
  deployments: [],
};

const gz = (doc: unknown) => gzipSync(JSON.stringify(doc));

describe('snapshot migrations', () => {
  it('has a step from every older version up to the current one', () => {
    for (let v = 0; v < SNAPSHOT_VERSION; v += 1) {
      expect(
        MIGRATIONS.find((m) => m.from === v),
        `version ${v}`,
      ).toBeDefined();
    }
  });

  it('reads a version 1 file written by the version 1 writer, with no history recorded', async () => {
    // test/fixtures/snapshot-v1.wfsnap was written by the writer before version 2 existed.
    const bytes = readFileSync(
      new URL('../../../test/fixtures/snapshot-v1.wfsnap', import.meta.url),
    );
    const snapshot = await readSnapshot(bytes);
    expect(snapshot.version).toBe(2);
    expect(snapshot.meta.title).toBe('Billing outage (v1 fixture)');
    expect(snapshot.history).toEqual({
      recorded: false,
      deployments: [],
      releases: [],
      links: [],
      actions: [],
      departed: [],
    });
    expect(snapshot.deployments[0]?.services[0]?.environments[0]?.version).toBe('2.13.2');
    expect(snapshot.points['demo/service.availability']?.t).toHaveLength(181);
  });

  it('reads a version 0 file as the current version', async () => {
    const snapshot = await readSnapshot(gz(v0));
    expect(snapshot.version).toBe(2);
    expect(snapshot.history.recorded).toBe(false);
    expect(snapshot.meta).toEqual({
      title: 'Prototype export',
      notes: 'made with the prototype',
      createdAt: T + 60_000,
      createdBy: 'ana',
      appVersion: '0.0.3',
      window: { from: T, to: T + 60_000 },
    });
    expect(snapshot.points['demo/cpu']).toEqual({
      t: [T, T + 1000, T + 2000],
      v: [40.25, 41.5, 1 / 3],
    });
    expect(snapshot.points['demo/users']).toEqual({ t: [], v: [] });
    expect(snapshot.series).toEqual(v0.series);
    expect(snapshot.endpoints).toEqual(v0.endpoints);
    expect(snapshot.audit).toEqual([]);
    expect(snapshot.annotations).toEqual([]);
    expect(snapshot.releases).toEqual([]);
  });

  it('fills what version 0 did not require', async () => {
    const { notes: _notes, alerts: _alerts, ...bare } = v0;
    const snapshot = await readSnapshot(gz({ ...bare, title: '' }));
    expect(snapshot.meta.title).toBe('Untitled snapshot');
    expect(snapshot.meta.notes).toBe('');
    expect(snapshot.alerts).toEqual([]);
  });

  it('refuses a version 0 file with malformed pairs, naming the point', async () => {
    const bad = {
      ...v0,
      points: {
        'demo/cpu': [
          [T, 1],
          [T + 1000, 'x'],
        ],
      },
    };
    const read = readSnapshot(gz(bad));
    await expect(read).rejects.toThrow(SnapshotError);
    await expect(read).rejects.toThrow(/points\.demo\/cpu\.1: expected \[time, value\]/);
    await expect(readSnapshot(gz({ ...v0, createdAt: 'yesterday' }))).rejects.toThrow(
      /version 0 snapshot: createdAt/,
    );
  });

  it('validates the migrated document against the current schema', async () => {
    const wrongLevel = { ...v0, series: [{ ...v0.series[0], level: 'cosmic' }] };
    await expect(readSnapshot(gz(wrongLevel))).rejects.toMatchObject({ reason: 'invalid' });
  });
});
