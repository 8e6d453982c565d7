import { describe, expect, it } from 'vitest';
import {
  isProductionEnvironment,
  needsTypedConfirmation,
  productionByName,
  typedConfirmationReasons,
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

describe('typed confirmation', () => {
  it.each([
    [{ production: false, affectsAll: false }, []],
    [{ production: true, affectsAll: false }, ['it runs in production']],
    [{ production: false, affectsAll: true }, ['it affects every user']],
    [{ production: true, affectsAll: true }, ['it runs in production', 'it affects every user']],
  ])('%j needs %j', (risk, reasons) => {
    expect(typedConfirmationReasons(risk)).toEqual(reasons);
    expect(needsTypedConfirmation(risk)).toBe(reasons.length > 0);
  });
});
