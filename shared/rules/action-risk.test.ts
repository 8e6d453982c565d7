import { describe, expect, it } from 'vitest';
import type { ActionName } from '../protocol';
import {
  assessRisk,
  isProductionEnvironment,
  needsTypedConfirmation,
  productionByName,
  type Confirmation,
  type Direction,
  type Tier,
} from './action-risk';

describe('production by name (no tier declared)', () => {
  it.each([
    'production',
    'Production',
    'prod',
    'PROD',
    'prd',
    'live',
    'prod-eu',
    'eu_prod',
    'us-east-1.production',
    'live-2',
  ])('%s is production', (id) => {
    expect(productionByName(id)).toBe(true);
    expect(isProductionEnvironment({ id })).toBe(true);
  });

  it.each([
    'preprod',
    'pre-prod',
    'pre_prod',
    'non-prod',
    'nonprod',
    'staging',
    'stage',
    'development',
    'dev',
    'qa',
    'products',
    'prodigy',
    'liveness',
    'delivery',
  ])('%s is not production', (id) => {
    expect(productionByName(id)).toBe(false);
    expect(isProductionEnvironment({ id })).toBe(false);
  });
});

describe('production by tier', () => {
  it('the declared tier wins over the name', () => {
    expect(isProductionEnvironment({ id: 'eu-1', tier: 'production' })).toBe(true);
    expect(isProductionEnvironment({ id: 'prod', tier: 'staging' })).toBe(false);
    expect(isProductionEnvironment({ id: 'live', tier: 'development' })).toBe(false);
    expect(isProductionEnvironment({ id: 'production', tier: 'other' })).toBe(false);
    expect(isProductionEnvironment({ id: 'preprod', tier: 'production' })).toBe(true);
  });
});

// action × tier × direction → how the operator confirms (docs/actions.md).
const EXPECTED: [ActionName, Tier, Direction, Confirmation][] = [
  ['build.retry', 'production', 'widen', 'one-confirm'],
  ['build.retry', 'production', 'narrow', 'one-confirm'],
  ['build.retry', 'non-production', 'widen', 'one-confirm'],
  ['build.retry', 'non-production', 'narrow', 'one-confirm'],
  ['flag.set', 'production', 'widen', 'typed'],
  ['flag.set', 'production', 'narrow', 'one-confirm'],
  ['flag.set', 'non-production', 'widen', 'one-confirm'],
  ['flag.set', 'non-production', 'narrow', 'one-confirm'],
  ['patch.apply', 'production', 'widen', 'typed'],
  ['patch.apply', 'production', 'narrow', 'one-confirm'],
  ['patch.apply', 'non-production', 'widen', 'typed'],
  ['patch.apply', 'non-production', 'narrow', 'one-confirm'],
  ['deploy.rollback', 'production', 'widen', 'typed'],
  ['deploy.rollback', 'production', 'narrow', 'one-confirm'],
  ['deploy.rollback', 'non-production', 'widen', 'one-confirm'],
  ['deploy.rollback', 'non-production', 'narrow', 'one-confirm'],
  ['capacity.scale', 'production', 'widen', 'typed'],
  ['capacity.scale', 'production', 'narrow', 'one-confirm'],
  ['capacity.scale', 'non-production', 'widen', 'one-confirm'],
  ['capacity.scale', 'non-production', 'narrow', 'one-confirm'],
  ['ring.promote', 'production', 'widen', 'typed'],
  ['ring.promote', 'production', 'narrow', 'typed'],
  ['ring.promote', 'non-production', 'widen', 'one-confirm'],
  ['ring.promote', 'non-production', 'narrow', 'one-confirm'],
  ['ring.halt', 'production', 'widen', 'one-confirm'],
  ['ring.halt', 'production', 'narrow', 'one-confirm'],
  ['ring.halt', 'non-production', 'widen', 'one-confirm'],
  ['ring.halt', 'non-production', 'narrow', 'one-confirm'],
];

describe('the risk table: action × tier × direction', () => {
  it('covers each of the seven actions in both tiers and both directions', () => {
    expect(new Set(EXPECTED.map(([action]) => action)).size).toBe(7);
    expect(EXPECTED).toHaveLength(28);
  });

  it.each(EXPECTED)('%s in %s, %s: %s', (action, tier, direction, confirmation) => {
    const decision = assessRisk({
      action,
      production: tier === 'production',
      direction,
      reachesEveryone: false,
    });
    expect(decision.confirmation).toBe(confirmation);
    expect(
      needsTypedConfirmation({
        action,
        production: tier === 'production',
        direction,
        reachesEveryone: false,
      }),
    ).toBe(confirmation === 'typed');
    expect(decision.reasons.length > 0).toBe(confirmation === 'typed');
  });
});

describe('why the dialog asks what it asks', () => {
  it('a promote in production: typed, because it widens exposure in production', () => {
    const decision = assessRisk({
      action: 'ring.promote',
      production: true,
      direction: 'widen',
      reachesEveryone: false,
    });
    expect(decision.reasons).toEqual(['it widens exposure', 'it runs in production']);
    expect(decision.why).toBe(
      'Typed confirmation for “Promote”, because it widens exposure and it runs in production.',
    );
  });

  it('a halt in production: one confirm, because it stops a rollout', () => {
    const decision = assessRisk({
      action: 'ring.halt',
      production: true,
      direction: 'narrow',
      reachesEveryone: false,
    });
    expect(decision.why).toBe(
      'One confirm for “Halt”: it stops a rollout; nobody new gets the release.',
    );
  });

  it('a patch ring by ring says so', () => {
    const decision = assessRisk({
      action: 'patch.apply',
      production: true,
      direction: 'narrow',
      reachesEveryone: false,
    });
    expect(decision.why).toBe(
      'One confirm for “Apply patch”: it goes ring by ring, first ring first; check the preview above.',
    );
  });

  it('a widening that reaches every user is typed in any tier, a narrowing never is', () => {
    const widen = { production: false, direction: 'widen', reachesEveryone: true } as const;
    expect(assessRisk({ ...widen, action: 'ring.promote' }).reasons).toEqual([
      'it widens exposure',
      'it reaches every user',
    ]);
    expect(assessRisk({ ...widen, action: 'flag.set' }).confirmation).toBe('typed');
    expect(assessRisk({ ...widen, action: 'build.retry' }).confirmation).toBe('one-confirm');
    const narrow = { production: true, direction: 'narrow', reachesEveryone: true } as const;
    expect(assessRisk({ ...narrow, action: 'deploy.rollback' }).confirmation).toBe('one-confirm');
    expect(assessRisk({ ...narrow, action: 'flag.set' }).confirmation).toBe('one-confirm');
  });
});

describe('production by name, separators', () => {
  it('reads a run of separators as one: "pre--prod" is still pre-production', () => {
    expect(productionByName('pre--prod')).toBe(false);
    expect(productionByName('non_-prod')).toBe(false);
  });
});

describe('what a one-confirm dialog says the action does', () => {
  const why = (action: ActionName, direction: Direction) =>
    assessRisk({ action, production: false, direction, reachesEveryone: false }).why;

  it('a build retry reaches no users', () => {
    expect(why('build.retry', 'widen')).toBe(
      'One confirm for “Retry build”: it reaches no users (it re-runs CI only).',
    );
  });

  it('a narrowing says it narrows, outside a patch', () => {
    expect(why('flag.set', 'narrow')).toBe(
      'One confirm for “Set flag”: it narrows exposure; check the preview above.',
    );
    expect(why('deploy.rollback', 'narrow')).toBe(
      'One confirm for “Roll back”: it narrows exposure; check the preview above.',
    );
  });

  it('a widening outside production says it reaches part of the users', () => {
    expect(why('flag.set', 'widen')).toBe(
      'One confirm for “Set flag”: it widens exposure outside production to part of the users; check the preview above.',
    );
  });
});
