import { describe, expect, it } from 'vitest';
import { SERIES } from '../../../../../endpoints/demo/demo-catalog';
import { nextBuildId } from '../../../../../endpoints/demo/scenarios/build-steps';
import { FAILING_TESTS, RED_BUILD } from '../../../../../endpoints/demo/scenarios/failing-build';
import { Drill } from '../simulation-drill';

const STAGING = { service: 'billing', environment: 'staging' };
const retry = (build?: string) => ({
  action: 'build.retry' as const,
  args: { ...STAGING, ...(build ? { build } : {}) },
});

describe('failing-build', () => {
  it("starts with billing's staging build red, with three named failing tests", () => {
    const drill = new Drill('failing-build');
    expect(drill.env('billing', 'staging')).toMatchObject({
      status: 'failed',
      build: { id: RED_BUILD, status: 'failed', version: '2.14.0', failingTests: FAILING_TESTS },
    });
    expect(FAILING_TESTS).toHaveLength(3);
    expect(drill.env('billing').build?.status).toBe('passed');
    drill.ticks(5);
    expect(drill.value(SERIES.testsFailed)).toBe(3);
  });

  it('suggests retrying the build for the failing tests', () => {
    const tests = new Drill('failing-build').sim.catalog().find((s) => s.id === SERIES.testsFailed);
    expect(tests?.service).toBe('billing');
    expect(tests?.procedures?.find((p) => p.when === 'warning')).toMatchObject({
      action: 'build.retry',
      args: STAGING,
    });
  });

  it('a retry runs a new build, which passes: the flaky tests pass on retry', () => {
    const drill = new Drill('failing-build');
    const plan = drill.sim.plan(retry(), drill.now);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.running).toBe(`build b-4822 re-runs ${RED_BUILD}`);
    plan.start?.(drill.sim.deployments, drill.now);
    expect(drill.env('billing', 'staging').build).toMatchObject({
      id: 'b-4822',
      status: 'running',
    });
    const outcome = plan.finish(drill.sim.deployments, drill.now + 1000);
    expect(outcome).toMatchObject({
      state: 'succeeded',
      message: 'build b-4822 of billing 2.14.0 passed: the 3 flaky tests passed on retry',
      events: [
        {
          type: 'build.passed',
          subject: 'billing/staging',
          data: { build: 'b-4822', version: '2.14.0' },
        },
      ],
    });
    expect(drill.env('billing', 'staging')).toMatchObject({
      status: 'healthy',
      build: { id: 'b-4822', status: 'passed', failingTests: [], finishedAt: drill.now + 1000 },
    });
    drill.ticks(1);
    expect(drill.value(SERIES.testsFailed)).toBe(0);
  });

  it('is deterministic: the retry passes whatever the seed', () => {
    for (const seed of [1, 2, 3]) {
      const drill = new Drill('failing-build', seed);
      expect(drill.act(retry()).state).toBe('succeeded');
    }
  });

  it('a patch (2.14.1) also fixes it: built green, then deployed to staging', () => {
    const drill = new Drill('failing-build');
    const outcome = drill.act({ action: 'patch.apply', args: { ...STAGING, version: '2.14.1' } });
    expect(outcome.state).toBe('succeeded');
    expect(outcome.events.map((e) => e.type)).toEqual([
      'build.passed',
      'patch.applied',
      'deploy.finished',
    ]);
    expect(drill.env('billing', 'staging')).toMatchObject({
      version: '2.14.1',
      previousVersions: ['2.13.2', '2.13.1', '2.12.0'],
      status: 'healthy',
      build: { id: 'b-4822', status: 'passed', version: '2.14.1' },
    });
    drill.ticks(1);
    expect(drill.value(SERIES.testsFailed)).toBe(0);
  });

  it('refuses a retry of a build that passed, is not the latest, or does not exist', () => {
    const drill = new Drill('failing-build');
    expect(drill.refusal(retry('b-1'))).toBe(
      `b-1 is not the latest build of billing staging (${RED_BUILD} is)`,
    );
    drill.act(retry());
    expect(drill.refusal(retry())).toBe('build b-4822 passed: nothing to retry');
    expect(
      drill.refusal({ action: 'build.retry', args: { service: 'nope', environment: 'staging' } }),
    ).toBe('no staging of nope');
  });

  it('refuses a patch that is not new', () => {
    const drill = new Drill('failing-build');
    expect(drill.refusal({ action: 'patch.apply', args: { ...STAGING, version: '2.13.2' } })).toBe(
      'billing already runs 2.13.2',
    );
    expect(
      drill.refusal({ action: 'patch.apply', args: { ...STAGING, version: '2.12.0' } }),
    ).toMatch(/deployed to staging before: a patch must be new/);
  });

  it('numbers builds per pipeline', () => {
    expect(nextBuildId('b-4821')).toBe('b-4822');
    expect(nextBuildId('w-99')).toBe('w-100');
    expect(nextBuildId('nightly')).toBe('nightly-retry');
  });
});
