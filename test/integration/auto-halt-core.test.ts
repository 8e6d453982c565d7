// Automatic halt in the console core, against the real demo endpoint
// (ring-rollout) on loopback: arming is refused for a release that does not
// exist and in the display profile; armed, a ring that turns worse after a
// promotion is halted by the console itself, once, as "automatic halt (armed
// by …)" with the cause; arming and the halt are in the audit log on disk.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConsoleCore } from '../../main/core/console-core';
import { AuditLog } from '../../main/core/actions/audit-log';
import { startDemoEndpoint, type DemoEndpoint } from '../../endpoints/demo/demo-server';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

let demo: DemoEndpoint | undefined;
let core: ConsoleCore | undefined;

afterEach(async () => {
  core?.stop();
  await demo?.close();
  core = undefined;
  demo = undefined;
});
afterAll(removeTempDirs);

const web = { service: 'web', environment: 'production', version: '5.9.0' };

async function connect(profile: 'operator' | 'display' = 'operator') {
  demo = await startDemoEndpoint({ seed: 5, scenario: 'ring-rollout', actionMs: 300 });
  const audit = new AuditLog(makeTempDir('wf-autohalt-'));
  const c = new ConsoleCore({
    endpoints: [{ url: demo.url, source: 'cli' }],
    clientVersion: 'test',
    flushMs: 50,
    profile,
    operator: () => 'ana',
    audit,
  });
  core = c;
  c.start();
  const release = await waitFor('the release and its gates', async () =>
    (await c.getState()).releases.find((r) => r.service === 'web' && r.promote.allowed),
  );
  return { core: c, audit, endpointId: release.endpointId };
}

describe('automatic halt', () => {
  it('is refused for a release that is not there, and in the display profile', async () => {
    const { core: c, endpointId } = await connect();
    await expect(
      c.setAutoHalt({ endpointId, ...web, version: '9.9.9', armed: true, after: 2 }),
    ).rejects.toThrow('no release 9.9.9 of web in production to arm a halt for');
    c.stop();
    await demo?.close();
    const display = new ConsoleCore({ endpoints: [], clientVersion: 'test', profile: 'display' });
    await expect(
      display.setAutoHalt({ endpointId, ...web, armed: true, after: 2 }),
    ).rejects.toThrow(/read-only display profile/);
  });

  it('armed, halts a ring that turns worse, once, with its cause; all of it audited', async () => {
    const { core: c, audit, endpointId } = await connect();
    await c.setAutoHalt({ endpointId, ...web, armed: true, after: 2 });
    const armed = (await c.getState()).releases.find((r) => r.service === 'web');
    expect(armed?.autoHalt).toMatchObject({ after: 2, armedBy: 'ana' });

    const promoted = await c.submitAction({
      endpointId,
      key: 'auto-halt-test-promote',
      action: 'ring.promote',
      args: { service: 'web', environment: 'production', version: '5.9.0' },
    });
    expect(promoted.state).not.toBe('rejected');

    const halt = await waitFor(
      'the automatic halt to succeed',
      async () =>
        (await c.getState()).actions.find(
          (a) => a.action === 'ring.halt' && a.state === 'succeeded',
        ),
      40_000,
    );
    expect(halt.operator).toBe('automatic halt (armed by ana)');
    expect(halt.reason).toMatch(/^automatic halt: Beta customers worse for 2 evaluations: /);
    // The gates see the halted ring at their next evaluation (each second).
    const release = await waitFor('the release to read halted', async () =>
      (await c.getState()).releases.find((r) => r.service === 'web' && r.ring.status === 'halted'),
    );
    expect(release.ring.id).toBe('beta');
    expect(release.autoHalt?.fired).toMatchObject({ key: halt.key, ring: 'beta' });

    const lines = audit.query({ limit: 100 });
    expect(lines.filter((l) => l.action === 'autohalt.arm')).toMatchObject([
      { operator: 'ana', state: 'succeeded', args: { ...web, after: 2 } },
    ]);
    const halts = lines.filter((l) => l.action === 'ring.halt');
    expect(new Set(halts.map((l) => l.key))).toEqual(new Set([halt.key]));
  }, 60_000);
});
