import { describe, expect, it } from 'vitest';
import { SERIES } from '../../../../../endpoints/demo/demo-catalog';
import { BAD_FLAG } from '../../../../../endpoints/demo/scenarios/bad-flag';
import { Drill } from '../simulation-drill';

const BILLING = { service: 'billing', environment: 'production' };
const BETA_ERRORS = 'app.errors.ratio{ring=beta,version=2.13.2}';
const ALL_ERRORS = 'app.errors.ratio{ring=all,version=2.13.2}';
const flagSet = (enabled: boolean, ring?: string, flag = BAD_FLAG) => ({
  action: 'flag.set' as const,
  args: { ...BILLING, flag, enabled, ...(ring ? { ring } : {}) },
});

function settled(seed = 1): Drill {
  const drill = new Drill('bad-flag', seed);
  drill.ticks(30);
  return drill;
}

describe('bad-flag', () => {
  it('starts with new-invoice-editor on for the beta ring only', () => {
    const env = new Drill('bad-flag').env('billing');
    expect(env.rings?.map((r) => [r.id, r.share])).toEqual([
      ['beta', 0.05],
      ['all', 1],
    ]);
    expect(env.flags?.find((f) => f.id === BAD_FLAG)?.enabled).toEqual({ '*': false, beta: true });
    expect(env.status).toBe('degraded');
  });

  it('raises errors in beta, not in the other rings, and the totals with them', () => {
    const drill = settled();
    expect(drill.mean(BETA_ERRORS)).toBeGreaterThan(2);
    expect(drill.mean(ALL_ERRORS)).toBeLessThan(0.5);
    expect(drill.mean(SERIES.errors)).toBeGreaterThan(20);
    const beta = drill.sim.catalog().find((s) => s.id === BETA_ERRORS);
    expect(beta?.attributes).toEqual({
      metric: 'app.errors.ratio',
      ring: 'beta',
      version: '2.13.2',
    });
    expect(beta?.procedures?.[0]).toMatchObject({
      action: 'flag.set',
      args: flagSet(false, 'beta').args,
    });
  });

  it('suggests turning the flag off for beta for the totals', () => {
    const errors = settled()
      .sim.catalog()
      .find((s) => s.id === SERIES.errors);
    expect(errors?.procedures?.[0]).toMatchObject({
      title: `Turn ${BAD_FLAG} off for beta`,
      action: 'flag.set',
      args: flagSet(false, 'beta').args,
    });
  });

  it('turning it off for beta stops the errors within 15 ticks', () => {
    const drill = settled();
    const outcome = drill.act(flagSet(false, 'beta'));
    expect(outcome).toMatchObject({
      state: 'succeeded',
      message: `${BAD_FLAG} turned off for beta in billing production`,
      events: [
        {
          type: 'flag.changed',
          subject: 'billing/production',
          data: { flag: BAD_FLAG, enabled: false, ring: 'beta' },
        },
      ],
    });
    expect(outcome.changes).toHaveLength(1);
    expect(drill.env('billing').status).toBe('healthy');
    expect(drill.ticksUntil(() => drill.value(SERIES.errors) < 5, 15)).toBeLessThanOrEqual(15);
    drill.ticks(10);
    expect(drill.mean(BETA_ERRORS)).toBeLessThan(0.5);
  });

  it('turning it off for everyone stops them too, and clears the ring overrides', () => {
    const drill = settled();
    drill.act(flagSet(false));
    expect(drill.env('billing').flags?.[0]?.enabled).toEqual({ '*': false });
    drill.ticks(20);
    expect(drill.mean(SERIES.errors)).toBeLessThan(5);
  });

  it('turning it on for everyone spreads the errors, and the totals then suggest off for all', () => {
    const drill = settled();
    drill.act(flagSet(true));
    drill.ticks(20);
    expect(drill.mean(ALL_ERRORS)).toBeGreaterThan(2);
    expect(drill.mean(SERIES.errors)).toBeGreaterThan(100);
    const errors = drill.sim.catalog().find((s) => s.id === SERIES.errors);
    expect(errors?.procedures?.[0]?.args).toEqual(flagSet(false).args);
  });

  it.each([
    [
      flagSet(false, 'beta', 'nope'),
      'no flag nope in billing production (flags: new-invoice-editor, bulk-export)',
    ],
    [flagSet(false, 'gamma'), 'no ring gamma in billing production (rings: beta, all)'],
    [flagSet(true, 'beta'), `${BAD_FLAG} is already on for beta`],
    [flagSet(false, 'all'), `${BAD_FLAG} is already off for all`],
    [
      {
        action: 'flag.set' as const,
        args: { service: 'web', environment: 'production', flag: BAD_FLAG, enabled: false },
      },
      'no flag new-invoice-editor in web production (flags: none)',
    ],
  ])('refuses %o', (call, reason) => {
    expect(new Drill('bad-flag').refusal(call)).toBe(reason);
  });

  it('refuses turning it off for everyone once it is off everywhere', () => {
    const drill = new Drill('bad-flag');
    drill.act(flagSet(false));
    expect(drill.refusal(flagSet(false))).toBe(`${BAD_FLAG} is already off for everyone`);
  });
});
