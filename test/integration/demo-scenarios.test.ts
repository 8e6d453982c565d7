// Every demo scenario as an operator drills it, through the real console core
// over a loopback socket: the alert condition shows in the metric values, the
// procedure the catalog suggests is submitted, it succeeds, and the metric
// recovers. A fast tick (50 ms) keeps each drill to a few seconds.
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoEndpoint, type DemoEndpoint } from '../../endpoints/demo/demo-server';
import type { ScenarioName } from '../../endpoints/demo/scenarios/scenario';
import { ConsoleCore } from '../../main/core/console-core';
import type { ConsoleSeries, ConsoleState } from '../../shared/console-api';
import { actionCallSchema } from '../../shared/protocol';
import { waitFor } from '../support/wait-for';

const TICK_MS = 50;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function drill(scenario: ScenarioName): Promise<{
  demo: DemoEndpoint;
  core: ConsoleCore;
  endpointId: string;
}> {
  const demo = await startDemoEndpoint({
    scenario,
    seed: 7,
    tickMs: TICK_MS,
    actionMs: 300,
    host: '127.0.0.1',
  });
  cleanup.push(() => demo.close());
  const core = new ConsoleCore({
    endpoints: [{ url: demo.url, source: 'cli' }],
    clientVersion: 'test',
    flushMs: 50,
  });
  core.start();
  cleanup.push(() => core.stop());
  const link = core.links.values().next().value;
  await waitFor('the link to open', () => link?.status.state === 'open');
  return { demo, core, endpointId: link?.status.id ?? '' };
}

const seriesOf = (state: ConsoleState, id: string): ConsoleSeries | undefined =>
  state.series.find((s) => s.id === id);

const latest = (state: ConsoleState, series: ConsoleSeries | undefined): number | undefined =>
  series ? state.points[series.key]?.v.at(-1) : undefined;

/** Whether a series' latest value is past its `level` threshold. */
function past(state: ConsoleState, id: string, level: 'warning' | 'critical'): boolean | undefined {
  const series = seriesOf(state, id);
  const value = latest(state, series);
  const t = series?.thresholds;
  if (value === undefined || !t) return undefined;
  return t.direction === 'above' ? value >= t[level] : value <= t[level];
}

interface Case {
  scenario: ScenarioName;
  /** The series whose alert the operator answers. */
  alerting: string;
  level: 'warning' | 'critical';
  /** The action the catalog should suggest, and the event its effect emits. */
  action: string;
  event: string;
  /** Where recovery shows (a ring's own series leaves with the release it measured). */
  recovers?: string;
}

const CASES: Case[] = [
  {
    scenario: 'bad-deploy',
    alerting: 'app.errors.rate',
    level: 'critical',
    action: 'deploy.rollback',
    event: 'deploy.rolledback',
  },
  {
    scenario: 'load-spike',
    alerting: 'system.cpu.utilization',
    level: 'critical',
    action: 'capacity.scale',
    event: 'capacity.scaled',
  },
  {
    scenario: 'bad-flag',
    alerting: 'app.errors.ratio{ring=beta,version=2.13.2}',
    level: 'critical',
    action: 'flag.set',
    event: 'flag.changed',
  },
  {
    scenario: 'failing-build',
    alerting: 'ci.tests.failed',
    level: 'warning',
    action: 'build.retry',
    event: 'build.passed',
  },
  {
    scenario: 'ring-rollout',
    alerting: 'app.errors.ratio{ring=beta,version=5.9.0}',
    level: 'critical',
    action: 'deploy.rollback',
    event: 'deploy.rolledback',
    recovers: 'app.errors.rate',
  },
];

describe.each(CASES)('the $scenario drill', (c) => {
  it(`alerts on ${c.alerting}, is fixed by ${c.action}, and recovers`, async () => {
    const { core, endpointId } = await drill(c.scenario);
    const alerting = await waitFor(
      `${c.alerting} to be ${c.level}`,
      async () => {
        const state = await core.getState();
        return past(state, c.alerting, c.level) && seriesOf(state, c.alerting);
      },
      8_000,
    );
    const procedure = alerting.procedures?.find((p) => p.when === c.level);
    expect(procedure?.action).toBe(c.action);
    expect(procedure?.expectRecoveryMs).toBeLessThanOrEqual(20_000);
    const call = actionCallSchema.parse({ action: procedure?.action, args: procedure?.args });
    const key = `drill-${c.scenario}`;
    const submitted = await core.submitAction({ endpointId, key, ...call });
    expect(submitted.state).toBe('accepted');
    const done = await waitFor('the action to finish', async () => {
      const record = (await core.getState()).actions.find((a) => a.key === key);
      return record && ['succeeded', 'failed', 'rejected'].includes(record.state) && record;
    });
    expect(done.state, done.message).toBe('succeeded');
    const recovers = c.recovers ?? c.alerting;
    await waitFor(
      `${recovers} to recover`,
      async () => past(await core.getState(), recovers, 'warning') === false,
      8_000,
    );
    const state = await core.getState();
    const subject = `${call.args.service}/${call.args.environment}`;
    expect(state.events.map((e) => `${e.type} ${e.subject ?? ''}`)).toContain(
      `${c.event} ${subject}`,
    );
  });
});

describe('the ring-rollout drill, further', () => {
  it('drops the release series after the rollback and keeps the baseline', async () => {
    const { core, endpointId } = await drill('ring-rollout');
    await core.submitAction({
      endpointId,
      key: 'drill-ring-rollback',
      action: 'deploy.rollback',
      args: { service: 'web', environment: 'production' },
    });
    await waitFor('5.9.0 series to go', async () => {
      const state = await core.getState();
      return !state.series.some((s) => s.attributes?.version === '5.9.0') && state;
    });
    const state = await core.getState();
    const web = state.deployments[0]?.services.find((s) => s.id === 'web')?.environments[0];
    expect(web?.rings?.every((r) => r.version === '5.8.1')).toBe(true);
    expect(seriesOf(state, 'app.errors.ratio{version=5.8.1}')?.attributes?.baseline).toBe('true');
  });

  it('refuses to promote a halted release, with the reason', async () => {
    const { core, endpointId } = await drill('ring-rollout');
    const args = { service: 'web', environment: 'production' };
    await core.submitAction({ endpointId, key: 'drill-ring-halt', action: 'ring.halt', args });
    await waitFor('the halt', async () =>
      (await core.getState()).actions.some(
        (a) => a.key === 'drill-ring-halt' && a.state === 'succeeded',
      ),
    );
    const refused = await core.submitAction({
      endpointId,
      key: 'drill-ring-promote',
      action: 'ring.promote',
      args,
    });
    expect(refused.state).toBe('rejected');
    expect(refused.message).toBe('5.9.0 is halted in beta: roll back, or patch to resume');
  });
});

describe('switching scenarios at run time', () => {
  it('re-lists deployments, replaces the catalog, and re-announces the actions', async () => {
    const { demo, core, endpointId } = await drill('bad-deploy');
    const link = core.links.get(endpointId);
    expect(link?.status.actions).toEqual(['deploy.rollback', 'patch.apply']);
    await core.submitAction({
      endpointId,
      key: 'drill-switch-rollback',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
    });
    const before = (await core.getState()).deployments[0]?.resourceVersion ?? 0;
    demo.switchScenario('load-spike');
    expect(demo.scenario).toBe('load-spike');
    const state = await waitFor('the load-spike deployments', async () => {
      const s = await core.getState();
      const web = s.deployments[0]?.services.find((x) => x.id === 'web');
      return web?.environments[0]?.capacity?.servers === 8 && s;
    });
    expect(state.deployments[0]?.resourceVersion).toBeGreaterThan(before);
    // the rollback under way was cancelled, not left hanging
    const rollback = state.actions.find((a) => a.key === 'drill-switch-rollback');
    expect(rollback?.state).toBe('cancelled');
    await waitFor('the new actions', () => link?.status.actions.join() === 'capacity.scale', 5_000);
    await waitFor('the new procedures', async () => {
      const cpu = seriesOf(await core.getState(), 'system.cpu.utilization');
      return cpu?.procedures?.[0]?.action === 'capacity.scale';
    });
    expect(() => demo.switchScenario('meteor')).toThrow(/unknown scenario meteor: expected one of/);
  });
});
