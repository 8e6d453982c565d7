// Every demo scenario as an operator drills it, through the real console core
// over a loopback socket: the alert condition shows in the metric values, the
// procedure the catalog suggests is submitted, it succeeds, and the metric
// recovers. ring-rollout starts quiet: its incident comes with the promotion
// to beta. A fast tick (50 ms) keeps each drill to a few seconds.
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoEndpoint, type DemoEndpoint } from '../../endpoints/demo/demo-server';
import type { ScenarioName } from '../../endpoints/demo/scenarios/scenario';
import { ConsoleCore } from '../../main/core/console-core';
import type { ConsoleSeries } from '../../shared/api/series';
import type { ConsoleState } from '../../shared/api/console-state';
import { actionCallSchema } from '../../shared/protocol';
import { BLOCKER } from '../../shared/rules/action-blockers';
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
    await waitFor(
      `${c.alerting} to recover`,
      async () => past(await core.getState(), c.alerting, 'warning') === false,
      8_000,
    );
    const state = await core.getState();
    const subject = `${call.args.service}/${call.args.environment}`;
    expect(state.events.map((e) => `${e.type} ${e.subject ?? ''}`)).toContain(
      `${c.event} ${subject}`,
    );
  });
});

const WEB = { service: 'web', environment: 'production' };
const BETA_ERRORS = 'app.errors.ratio{ring=beta,version=5.9.0}';
const BASELINE_ERRORS = 'app.errors.ratio{version=5.8.1}';

const webRelease = (state: ConsoleState) => state.releases.find((r) => r.service === WEB.service);

/** Submits an action and waits for its outcome. */
async function act(core: ConsoleCore, request: Parameters<ConsoleCore['submitAction']>[0]) {
  const submitted = await core.submitAction(request);
  expect(submitted.state, submitted.message).toBe('accepted');
  return waitFor(`${request.action} to finish`, async () => {
    const record = (await core.getState()).actions.find((a) => a.key === request.key);
    return record && ['succeeded', 'failed', 'rejected'].includes(record.state) && record;
  });
}

/**
 * The start of the story: 5.9.0 runs in internal only, where nothing alerts;
 * once internal has soaked (its gates passing for the ring's minimum time),
 * the console allows the promotion and the endpoint moves it to beta.
 */
async function promoteToBeta(core: ConsoleCore, endpointId: string): Promise<void> {
  const start = await waitFor('the internal series', async () => {
    const state = await core.getState();
    return (
      latest(state, seriesOf(state, 'app.errors.ratio{ring=internal,version=5.9.0}')) !==
        undefined && state
    );
  });
  expect(seriesOf(start, BETA_ERRORS)).toBeUndefined();
  expect(past(start, 'app.errors.rate', 'warning')).toBe(false);
  const soaked = await waitFor(
    "internal's soak",
    async () => {
      const release = webRelease(await core.getState());
      return release?.ring.id === 'internal' && release.promote.allowed && release;
    },
    8_000,
  );
  expect(soaked.gates.map((g) => g.verdict)).toEqual(['same', 'same']);
  const done = await act(core, {
    endpointId,
    key: 'drill-ring-promote-beta',
    action: 'ring.promote',
    args: WEB,
  });
  expect(done.state, done.message).toBe('succeeded');
  expect(done.message).toBe('5.9.0 promoted to beta: 5% of users run it now');
}

describe('the ring-rollout drill', () => {
  it('is fine in internal, fails beyond tolerance once promoted to beta, is rolled back and recovers', async () => {
    const { core, endpointId } = await drill('ring-rollout');
    await promoteToBeta(core, endpointId);
    const beta = await waitFor(
      `${BETA_ERRORS} to rise beyond its tolerance over ${BASELINE_ERRORS}`,
      async () => {
        const state = await core.getState();
        const series = seriesOf(state, BETA_ERRORS);
        const release = latest(state, series);
        const baseline = latest(state, seriesOf(state, BASELINE_ERRORS));
        const tolerance = series?.thresholds?.tolerance;
        if (release === undefined || baseline === undefined || tolerance === undefined) {
          return undefined;
        }
        return (
          release > baseline * (1 + tolerance) && past(state, BETA_ERRORS, 'critical') && series
        );
      },
      8_000,
    );
    // the console's gates now block the next promotion, naming the failed request ratio
    const blocked = await waitFor('the gates to block beta', async () => {
      const release = webRelease(await core.getState());
      return release?.ring.id === 'beta' && !release.promote.allowed && release;
    });
    expect(blocked.gates.find((g) => g.releaseKey === beta.key)?.verdict).toBe('worse');
    expect(blocked.promote.reason).toMatch(/Failed requests .* worse than baseline/);

    const procedure = beta.procedures?.find((p) => p.when === 'critical');
    expect(procedure).toMatchObject({
      action: 'deploy.rollback',
      args: { ...WEB, toVersion: '5.8.1' },
    });
    expect(procedure?.expectRecoveryMs).toBeLessThanOrEqual(20_000);
    const call = actionCallSchema.parse({ action: procedure?.action, args: procedure?.args });
    const done = await act(core, { endpointId, key: 'drill-ring-rollback', ...call });
    expect(done.state, done.message).toBe('succeeded');
    expect(done.message).toBe('web production rolled back 5.9.0 → 5.8.1');

    // the beta series leaves with the release it measured; recovery shows in production's errors
    const state = await waitFor(
      'app.errors.rate to recover and the 5.9.0 series to go',
      async () => {
        const s = await core.getState();
        return (
          past(s, 'app.errors.rate', 'warning') === false &&
          !s.series.some((x) => x.attributes?.version === '5.9.0') &&
          s
        );
      },
      8_000,
    );
    const web = state.deployments[0]?.services.find((s) => s.id === 'web')?.environments[0];
    expect(web?.rings?.map((r) => r.version)).toEqual(Array(5).fill('5.8.1'));
    expect(seriesOf(state, BASELINE_ERRORS)?.attributes?.baseline).toBe('true');
    const events = state.events.map((e) => `${e.type} ${e.subject ?? ''}`);
    expect(events).toEqual(
      expect.arrayContaining(['ring.promoted web/production', 'deploy.rolledback web/production']),
    );
  });

  it('refuses to promote a release halted in beta, with the reason', async () => {
    const { core, endpointId } = await drill('ring-rollout');
    await promoteToBeta(core, endpointId);
    const halted = await act(core, {
      endpointId,
      key: 'drill-ring-halt',
      action: 'ring.halt',
      args: WEB,
    });
    expect(halted.message).toBe(
      '5.9.0 halted in beta: it goes no further until rolled back or patched',
    );
    await waitFor('the console to see the halt', async () => {
      const release = webRelease(await core.getState());
      return release?.ring.id === 'beta' && release.ring.status === 'halted';
    });
    const refused = await core.submitAction({
      endpointId,
      key: 'drill-ring-promote-halted',
      action: 'ring.promote',
      args: WEB,
    });
    expect(refused.state).toBe('rejected');
    // The console's gates refuse it in the main process, in the shared wording.
    expect(refused.message).toBe(BLOCKER.gates(BLOCKER.halted('Beta customers')));
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

const billingEnv = (state: ConsoleState, environment: string) =>
  state.deployments
    .flatMap((d) => d.services)
    .find((s) => s.id === 'billing')
    ?.environments.find((e) => e.id === environment);

const HISTORIES = [
  {
    scenario: 'bad-deploy' as const,
    cause: '2.14.0 goes out',
    series: 'app.errors.rate',
    causeAt: (state: ConsoleState) => {
      const production = billingEnv(state, 'production');
      return production?.version === '2.14.0' ? production.updatedAt : undefined;
    },
  },
  {
    scenario: 'failing-build' as const,
    cause: 'the staging build fails',
    series: 'ci.tests.failed',
    causeAt: (state: ConsoleState) => billingEnv(state, 'staging')?.build?.finishedAt,
  },
];

describe.each(HISTORIES)('the $scenario history', (c) => {
  it(`is healthy until ${c.cause} and alerting only after: the cause precedes the effect`, async () => {
    const { core } = await drill(c.scenario);
    const state = await waitFor('the backfilled history', async () => {
      const now = await core.getState();
      const series = seriesOf(now, c.series);
      return series && (now.points[series.key]?.t.length ?? 0) > 600 && now;
    });
    const causeAt = c.causeAt(state) ?? Infinity;
    const series = seriesOf(state, c.series);
    const points = state.points[series?.key ?? ''];
    const warning = series?.thresholds?.warning ?? 0;
    const samples = (points?.t ?? []).map((t, i) => ({ t, v: points?.v[i] ?? 0 }));
    const before = samples.filter((s) => s.t < causeAt);
    expect(before.length).toBeGreaterThan(60);
    expect(before.every((s) => s.v < warning)).toBe(true);
    const firstBad = samples.find((s) => s.v >= warning);
    expect(firstBad?.t).toBeGreaterThan(causeAt);
  });
});
