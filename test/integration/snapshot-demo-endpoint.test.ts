// A snapshot of a real console connected to the real demo endpoint over a
// loopback socket: exported through a SnapshotSource built on getState(),
// saved, read back from disk, and compared with what the console held.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleState } from '../../shared/api/console-state';
import type { SnapshotSource } from '../../shared/api/snapshot';
import { AuditLog } from '../../main/core/actions/audit-log';
import { ConsoleCore } from '../../main/core/console-core';
import { renderReport } from '../../main/core/snapshot/report/report-html';
import { readSnapshot, snapshotToState } from '../../main/core/snapshot/snapshot-reader';
import { saveSnapshot, writeSnapshot } from '../../main/core/snapshot/snapshot-writer';
import { startDemoEndpoint, type DemoEndpoint } from '../../endpoints/demo/demo-server';
import { waitFor } from '../support/wait-for';

let demo: DemoEndpoint | undefined;
let core: ConsoleCore | undefined;
let audit: AuditLog | undefined;
let dir: string | undefined;

afterEach(async () => {
  core?.stop();
  audit?.close();
  await demo?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  core = audit = demo = dir = undefined;
});

/** The adapter ConsoleCore will offer: state and points from one getState() call. */
function coreSource(console: ConsoleCore): SnapshotSource & { taken(): ConsoleState } {
  let state: ConsoleState | undefined;
  const taken = () => {
    if (!state) throw new Error('points() before state()');
    return state;
  };
  return {
    state: async () => (state = await console.getState()),
    points: (key, from) => {
      const { t, v } = taken().points[key] ?? { t: [], v: [] };
      const first = t.findIndex((time) => time >= from);
      return first < 0 ? { t: [], v: [] } : { t: t.slice(first), v: v.slice(first) };
    },
    audit: (from, to) => console.queryAudit({ since: from, until: to, limit: 5_000 }),
    appVersion: 'test',
    operator: () => 'integration',
    taken,
  };
}

describe('snapshot of a console watching the demo endpoint', () => {
  it('keeps every series, its points, the deployments, the rollback and its audit trail', async () => {
    dir = await mkdtemp(join(tmpdir(), 'wf-snapshot-demo-'));
    demo = await startDemoEndpoint({ seed: 7, rollbackMs: 200 });
    audit = new AuditLog(join(dir, 'audit'));
    const c = (core = new ConsoleCore({
      endpoints: [{ url: demo.url, source: 'cli' }],
      clientVersion: 'test',
      flushMs: 50,
      audit,
      operator: () => 'integration',
    }));
    c.start();
    const endpointId = await waitFor('the link to open', () => {
      const link = c.links.values().next().value;
      return link?.status.state === 'open' && link.status.id;
    });
    await waitFor('series with history', async () => {
      const state = await c.getState();
      return (
        state.series.length >= 12 &&
        state.deployments.length > 0 &&
        Object.values(state.points).every((p) => p.t.length > 100)
      );
    });
    const key = 'snapshot-rollback-1';
    await c.submitAction({
      endpointId,
      key,
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
      reason: 'integration test',
    });
    await waitFor('the rollback to succeed', async () =>
      (await c.getState()).actions.some((a) => a.key === key && a.state === 'succeeded'),
    );

    const source = coreSource(c);
    const path = join(dir, 'incident.wfsnap');
    await saveSnapshot(
      path,
      await writeSnapshot(source, { title: 'Demo incident', notes: 'rolled back billing' }),
    );
    const snapshot = await readSnapshot(path);
    const live = source.taken();

    expect(snapshot.meta).toMatchObject({
      title: 'Demo incident',
      createdBy: 'integration',
      appVersion: 'test',
    });
    expect(snapshot.endpoints).toEqual([
      expect.objectContaining({ id: endpointId, name: 'Demo SaaS', state: 'open' }),
    ]);
    expect(snapshot.series).toEqual(live.series);
    for (const series of live.series) {
      expect(snapshot.points[series.key], series.key).toEqual(live.points[series.key]);
    }
    expect(snapshot.deployments).toEqual(live.deployments);
    expect(snapshot.releases).toEqual(live.releases);
    const billing = snapshot.deployments[0]?.services.find((s) => s.id === 'billing');
    expect(billing?.environments[0]?.version).toBe('2.13.2');
    expect(snapshot.actions.find((a) => a.key === key)).toMatchObject({
      state: 'succeeded',
      reason: 'integration test',
    });
    expect(snapshot.audit.filter((e) => e.key === key).map((e) => e.state)).toContain('succeeded');
    expect(live.events.length).toBeGreaterThan(0);
    expect(snapshot.events).toEqual(live.events);

    const view = snapshotToState(snapshot);
    expect(Object.keys(view.points).sort()).toEqual(live.series.map((s) => s.key).sort());
    const html = renderReport(snapshot);
    expect(html.match(/<figure class="chart">/g)).toHaveLength(live.series.length);
  });
});
