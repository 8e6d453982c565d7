import { describe, expect, it } from 'vitest';
import { SERIES } from '../../../../../endpoints/demo/demo-catalog';
import { MIN_SOAK_MS } from '../../../../../endpoints/demo/scenarios/ring-rollout';
import { Drill, T0, past } from '../simulation-drill';

const WEB = { service: 'web', environment: 'production' };
const id = (metric: string, ring: string | undefined, version: string) =>
  ring ? `${metric}{ring=${ring},version=${version}}` : `${metric}{version=${version}}`;
const ERRORS = (ring: string | undefined, version = '5.9.0') =>
  id('app.errors.ratio', ring, version);
const P95 = (ring: string | undefined, version = '5.9.0') =>
  id('http.server.request.duration.p95', ring, version);
const USERS = (ring: string | undefined, version = '5.9.0') =>
  id('app.users.active', ring, version);
const promote = (toRing?: string) => ({
  action: 'ring.promote' as const,
  args: { ...WEB, ...(toRing ? { toRing } : {}) },
});
const halt = { action: 'ring.halt' as const, args: WEB };
const rollback = { action: 'deploy.rollback' as const, args: WEB };
const patch = { action: 'patch.apply' as const, args: { ...WEB, version: '5.9.1' } };

/** The scenario as it starts: 5.9.0 in internal only, 30 s in. */
function settled(seed = 1): Drill {
  const drill = new Drill('ring-rollout', seed);
  drill.ticks(30);
  return drill;
}

/** Promoted to beta (internal soaked long ago), where it has run for 30 s. */
function inBeta(seed = 1): Drill {
  const drill = settled(seed);
  drill.act(promote());
  drill.ticks(30);
  return drill;
}

const ringsOf = (drill: Drill) =>
  drill.env('web').rings?.map((r) => `${r.id}:${r.version}:${r.status ?? '-'}`);

/** The series past their warning threshold now. */
const alerting = (drill: Drill) =>
  drill.sim
    .metrics()
    .filter((m) => m.info.thresholds && past(drill.value(m.info.id), m.info.thresholds, 'warning'))
    .map((m) => m.info.id);

describe('ring-rollout', () => {
  it('starts with web 5.9.0 active in internal only, every other ring on 5.8.1', () => {
    const drill = new Drill('ring-rollout');
    const env = drill.env('web');
    expect(env).toMatchObject({
      version: '5.9.0',
      previousVersions: ['5.8.1', '5.8.0', '5.7.4'],
      status: 'healthy',
    });
    expect(env.rings?.map((r) => [r.id, r.share])).toEqual([
      ['internal', 0.01],
      ['beta', 0.05],
      ['ring-10', 0.1],
      ['ring-50', 0.5],
      ['all', 1],
    ]);
    expect(ringsOf(drill)).toEqual([
      'internal:5.9.0:active',
      'beta:5.8.1:-',
      'ring-10:5.8.1:-',
      'ring-50:5.8.1:-',
      'all:5.8.1:-',
    ]);
    // it reached internal ten minutes ago: far past the ring's minimum soak
    const internal = env.rings?.[0];
    expect(internal?.since).toBe(T0 - 10 * 60_000);
    expect(internal?.minSoakMs).toBe(MIN_SOAK_MS);
  });

  it('publishes per-ring, per-version series beside the baseline, with gate tolerances', () => {
    const catalog = new Drill('ring-rollout').sim.catalog();
    const internal = catalog.find((s) => s.id === ERRORS('internal'));
    expect(internal?.attributes).toEqual({
      metric: 'app.errors.ratio',
      ring: 'internal',
      version: '5.9.0',
    });
    expect(internal?.thresholds?.tolerance).toBe(0.5);
    expect(catalog.find((s) => s.id === P95('internal'))?.thresholds?.tolerance).toBe(0.25);
    const baseline = catalog.find((s) => s.id === ERRORS(undefined, '5.8.1'));
    expect(baseline?.attributes).toEqual({
      metric: 'app.errors.ratio',
      version: '5.8.1',
      baseline: 'true',
    });
    expect(catalog.find((s) => s.id === USERS('internal'))?.level).toBe('business');
    // rings the release has not reached have no series of their own
    expect(catalog.some((s) => s.attributes?.ring === 'beta')).toBe(false);
    expect(catalog.some((s) => s.attributes?.ring === 'ring-10')).toBe(false);
  });

  it('is healthy in internal, like the baseline: no series alerts at the start', () => {
    const drill = settled();
    expect(alerting(drill)).toEqual([]);
    expect(drill.mean(ERRORS('internal'))).toBeLessThan(0.5);
    expect(drill.mean(P95('internal'))).toBeLessThan(225);
    expect(drill.mean(ERRORS(undefined, '5.8.1'))).toBeLessThan(0.5);
    expect(drill.mean(SERIES.errors)).toBeLessThan(5);
    expect(drill.mean(USERS('internal'))).toBeCloseTo(48, -1);
    // internal's users arrived ten minutes ago, inside the fifteen of history
    const history = drill.sim.historyBatches().find((b) => b.series === USERS('internal'));
    const values = history?.points.map((p) => p[1]) ?? [];
    expect(values[0]).toBeLessThan(10);
    expect(values.at(-1)).toBeGreaterThan(35);
  });

  it('promoting moves it to beta, where errors and p95 rise beyond the baseline tolerance', () => {
    const drill = settled();
    const before = drill.mean(SERIES.errors);
    expect(drill.act(promote())).toMatchObject({
      state: 'succeeded',
      message: '5.9.0 promoted to beta: 5% of users run it now',
      events: [
        {
          type: 'ring.promoted',
          subject: 'web/production',
          data: { version: '5.9.0', toRing: 'beta' },
        },
      ],
    });
    expect(ringsOf(drill)?.slice(0, 3)).toEqual([
      'internal:5.9.0:complete',
      'beta:5.9.0:active',
      'ring-10:5.8.1:-',
    ]);
    expect(drill.env('web').status).toBe('degraded');
    const beta = drill.sim.catalog().find((s) => s.id === ERRORS('beta'));
    expect(beta?.attributes).toEqual({
      metric: 'app.errors.ratio',
      ring: 'beta',
      version: '5.9.0',
    });
    drill.ticks(20);
    const baselineErrors = drill.mean(ERRORS(undefined, '5.8.1'));
    const baselineP95 = drill.mean(P95(undefined, '5.8.1'));
    const betaErrors = drill.mean(ERRORS('beta'));
    const betaP95 = drill.mean(P95('beta'));
    expect(betaErrors).toBeGreaterThan(2);
    expect(betaErrors).toBeGreaterThan(baselineErrors * (1 + 0.5));
    expect(betaP95).toBeGreaterThan(800);
    expect(betaP95).toBeGreaterThan(baselineP95 * (1 + 0.25));
    expect(drill.mean(ERRORS('internal'))).toBeLessThan(0.5);
    expect(drill.mean(USERS('beta'))).toBeCloseTo(193, -1);
    expect(drill.mean(SERIES.errors)).toBeGreaterThan(Math.max(20, before * 4));
    expect(alerting(drill)).toEqual(expect.arrayContaining([ERRORS('beta'), P95('beta')]));
  });

  it('in beta, suggests a rollback to 5.8.1 when critical and a halt at a warning', () => {
    const beta = inBeta()
      .sim.catalog()
      .find((s) => s.id === ERRORS('beta'));
    expect(beta?.procedures).toEqual([
      expect.objectContaining({
        when: 'critical',
        action: 'deploy.rollback',
        args: { ...WEB, toVersion: '5.8.1' },
      }),
      expect.objectContaining({
        when: 'warning',
        action: 'ring.halt',
        args: { ...WEB, version: '5.9.0' },
      }),
    ]);
  });

  it('soaks in beta before the next promotion, which moves it to ring-10 where errors rise too', () => {
    const drill = settled();
    drill.act(promote());
    expect(drill.refusal(promote())).toBe('5.9.0 has soaked in beta for 0.0 s of the 3 s it needs');
    const before = drill.mean(SERIES.errors);
    expect(drill.act(promote())).toMatchObject({
      message: '5.9.0 promoted to ring-10: 10% of users run it now',
      events: [{ type: 'ring.promoted', data: { version: '5.9.0', toRing: 'ring-10' } }],
    });
    expect(ringsOf(drill)?.slice(0, 4)).toEqual([
      'internal:5.9.0:complete',
      'beta:5.9.0:complete',
      'ring-10:5.9.0:active',
      'ring-50:5.8.1:-',
    ]);
    drill.ticks(20);
    expect(drill.mean(ERRORS('ring-10'))).toBeGreaterThan(2);
    expect(drill.mean(SERIES.errors)).toBeGreaterThan(before * 1.8);
  });

  it('halting stops it in beta; promotion is then refused with the reason', () => {
    const drill = inBeta();
    expect(drill.act(halt)).toMatchObject({
      message: '5.9.0 halted in beta: it goes no further until rolled back or patched',
      events: [{ type: 'ring.halted', data: { version: '5.9.0', ring: 'beta' } }],
    });
    expect(ringsOf(drill)?.slice(0, 3)).toEqual([
      'internal:5.9.0:complete',
      'beta:5.9.0:halted',
      'ring-10:5.8.1:-',
    ]);
    drill.now += MIN_SOAK_MS;
    expect(drill.refusal(promote())).toBe('5.9.0 is halted in beta: roll back, or patch to resume');
    expect(drill.refusal(halt)).toBe('5.9.0 is already halted in beta');
    // a halt fixes nothing: beta still fails
    expect(drill.mean(ERRORS('beta'))).toBeGreaterThan(2);
  });

  it('a rollback from beta restores 5.8.1 in every ring and the metrics recover within 15 ticks', () => {
    const drill = inBeta();
    expect(drill.value(SERIES.errors)).toBeGreaterThan(5);
    const outcome = drill.act(rollback);
    expect(outcome.message).toBe('web production rolled back 5.9.0 → 5.8.1');
    expect(drill.env('web')).toMatchObject({
      version: '5.8.1',
      previousVersions: ['5.8.0', '5.7.4'],
      status: 'healthy',
    });
    expect(ringsOf(drill)).toEqual([
      'internal:5.8.1:-',
      'beta:5.8.1:-',
      'ring-10:5.8.1:-',
      'ring-50:5.8.1:-',
      'all:5.8.1:-',
    ]);
    expect(drill.sim.catalog().some((s) => s.attributes?.version === '5.9.0')).toBe(false);
    expect(drill.sim.catalog().some((s) => s.id === ERRORS(undefined, '5.8.1'))).toBe(true);
    expect(drill.ticksUntil(() => drill.value(SERIES.errors) < 5, 15)).toBeLessThanOrEqual(15);
    expect(drill.refusal(promote())).toBe(
      'web production already runs 5.8.1 in every ring: no release to move',
    );
  });

  it('a patch replaces the halted release where it runs; it then promotes, ring by ring, to all', () => {
    const drill = inBeta();
    drill.act(halt);
    drill.act(patch);
    expect(ringsOf(drill)?.slice(0, 3)).toEqual([
      'internal:5.9.1:complete',
      'beta:5.9.1:active',
      'ring-10:5.8.1:-',
    ]);
    expect(drill.env('web')).toMatchObject({
      version: '5.9.1',
      previousVersions: ['5.9.0', '5.8.1', '5.8.0', '5.7.4'],
      status: 'healthy',
    });
    expect(drill.refusal(promote())).toBe('5.9.1 has soaked in beta for 0.0 s of the 3 s it needs');
    drill.ticks(20);
    expect(drill.mean(ERRORS('beta', '5.9.1'))).toBeLessThan(0.5);
    expect(drill.sim.catalog().some((s) => s.attributes?.version === '5.9.0')).toBe(false);
    const events: string[] = [];
    for (const ring of ['ring-10', 'ring-50', 'all']) {
      drill.now += MIN_SOAK_MS;
      const outcome = drill.act(promote());
      expect(outcome.message).toContain(`promoted to ${ring}`);
      events.push(...outcome.events.map((e) => e.type));
    }
    expect(events.at(-1)).toBe('deploy.finished');
    expect(ringsOf(drill)?.every((r) => r.endsWith(':5.9.1:complete'))).toBe(true);
    expect(drill.refusal(promote())).toBe(
      'web production already runs 5.9.1 in every ring: no release to move',
    );
    drill.ticks(30);
    expect(drill.mean(SERIES.errors)).toBeLessThan(5);
    expect(drill.sim.catalog().some((s) => s.id === ERRORS(undefined, '5.9.1'))).toBe(true);
  });

  it('a patch at the start replaces 5.9.0 in internal, where it soaks afresh', () => {
    const drill = settled();
    drill.act(patch);
    expect(ringsOf(drill)?.slice(0, 2)).toEqual(['internal:5.9.1:active', 'beta:5.8.1:-']);
    expect(drill.refusal(promote())).toBe(
      '5.9.1 has soaked in internal for 0.0 s of the 3 s it needs',
    );
  });

  it('can jump ahead to a later ring, not back', () => {
    const drill = settled();
    drill.act(promote('ring-50'));
    expect(ringsOf(drill)?.slice(0, 4)).toEqual([
      'internal:5.9.0:complete',
      'beta:5.9.0:complete',
      'ring-10:5.9.0:complete',
      'ring-50:5.9.0:active',
    ]);
    drill.now += MIN_SOAK_MS;
    expect(drill.refusal(promote('beta'))).toBe('5.9.0 already runs in beta');
    expect(drill.refusal(promote('gamma'))).toMatch(/^no ring gamma \(rings: internal, beta/);
  });

  it('refuses moves about another version', () => {
    const drill = new Drill('ring-rollout');
    expect(drill.refusal({ action: 'ring.halt', args: { ...WEB, version: '6.0.0' } })).toBe(
      'web production is rolling out 5.9.0, not 6.0.0',
    );
    expect(drill.refusal({ action: 'ring.promote', args: { ...WEB, version: '6.0.0' } })).toBe(
      'web production is rolling out 5.9.0, not 6.0.0',
    );
  });
});
