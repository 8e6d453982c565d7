import { describe, expect, it } from 'vitest';
import { DEFAULT_RINGS } from '../../../../endpoints/unleash/bridge-config';
import {
  BASELINE,
  mapServices,
  type UnleashView,
} from '../../../../endpoints/unleash/deployments-mapping';
import { HALTED_TITLE } from '../../../../endpoints/unleash/ring-mapping';
import type { UnleashFeature } from '../../../../endpoints/unleash/unleash-client';

const mapping = { mode: 'percentage' as const, contextField: 'ring', rings: DEFAULT_RINGS };

function feature(
  name: string,
  rollout: number | undefined,
  createdAt: string,
  title?: string,
): UnleashFeature {
  return {
    name,
    description: `${name} text`,
    createdAt,
    environments: [
      {
        name: 'production',
        enabled: rollout !== undefined,
        strategies:
          rollout === undefined
            ? []
            : [
                {
                  id: `${name}-s`,
                  name: 'flexibleRollout',
                  title,
                  parameters: { rollout: String(rollout) },
                  constraints: [],
                },
              ],
      },
    ],
  };
}

function view(features: UnleashFeature[]): UnleashView {
  return {
    environments: [
      { name: 'production', type: 'production', enabled: true, sortOrder: 2 },
      { name: 'qa', type: 'test', enabled: true, sortOrder: 1 },
      { name: 'old', type: 'development', enabled: false, sortOrder: 0 },
    ],
    projects: [{ project: { id: 'shop', name: 'Web shop' }, features }],
  };
}

describe('Unleash as deployments', () => {
  it('maps projects to services and enabled environments, in Unleash’s order, with tiers', () => {
    const [shop] = mapServices(view([]), mapping, {}, 1000);
    expect(shop?.name).toBe('Web shop');
    expect(shop?.environments.map((e) => [e.id, e.tier, e.version])).toEqual([
      ['qa', 'staging', BASELINE],
      ['production', 'production', BASELINE],
    ]);
  });

  it('shows the newest partly rolled-out feature as the release moving through the rings', () => {
    const features = [
      feature('older', 5, '2026-01-01'),
      feature('newer', 25, '2026-02-01'),
      feature('done', 100, '2026-03-01'),
    ];
    const prod = mapServices(view(features), mapping, {}, 1000)[0]?.environments[1];
    expect(prod?.version).toBe('newer');
    expect(prod?.rings?.map((r) => [r.id, r.version, r.status ?? '-'])).toEqual([
      ['canary', 'newer', 'complete'],
      ['early', 'newer', 'active'],
      ['half', BASELINE, '-'],
      ['all', BASELINE, '-'],
    ]);
    expect(prod?.flags?.find((f) => f.id === 'done')).toEqual({
      id: 'done',
      name: 'done text',
      enabled: { '*': true, canary: true, early: true, half: true, all: true },
    });
  });

  it('follows a pinned release, and shows a halted one as halted', () => {
    const features = [
      feature('pinned', 5, '2026-01-01', HALTED_TITLE),
      feature('other', 25, '2026-02-01'),
    ];
    const prod = mapServices(view(features), mapping, { shop: 'pinned' }, 1000)[0]?.environments[1];
    expect(prod?.version).toBe('pinned');
    expect(prod?.rings?.[0]?.status).toBe('halted');
  });
});
