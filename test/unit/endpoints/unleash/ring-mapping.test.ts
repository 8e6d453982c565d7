import { describe, expect, it } from 'vitest';
import { DEFAULT_RINGS } from '../../../../endpoints/unleash/bridge-config';
import {
  HALTED_TITLE,
  flagState,
  isHalted,
  planHalt,
  planRings,
  reachOf,
  ringsOn,
  wantedRings,
  type RingMapping,
} from '../../../../endpoints/unleash/ring-mapping';
import type {
  UnleashFeatureEnvironment,
  UnleashStrategy,
} from '../../../../endpoints/unleash/unleash-client';

const percentage: RingMapping = { mode: 'percentage', contextField: 'ring', rings: DEFAULT_RINGS };
const constraint: RingMapping = { ...percentage, mode: 'constraint' };

function strategy(id: string, over: Partial<UnleashStrategy> = {}): UnleashStrategy {
  return { id, name: 'flexibleRollout', parameters: { rollout: '100' }, constraints: [], ...over };
}
const flexible = (id: string, rollout: number, over: Partial<UnleashStrategy> = {}) =>
  strategy(id, { parameters: { rollout: String(rollout), stickiness: 'default' }, ...over });
const ringStrategy = (id: string, values: string[]) =>
  strategy(id, { constraints: [{ contextName: 'ring', operator: 'IN', values }] });
const env = (enabled: boolean, strategies: UnleashStrategy[]): UnleashFeatureEnvironment => ({
  name: 'production',
  enabled,
  strategies,
});

describe('reading rings off strategies', () => {
  it('takes the widest untargeted rollout, and nothing while the environment is off', () => {
    expect(reachOf(env(true, [flexible('a', 25), flexible('b', 50)]))).toBe(50);
    expect(reachOf(env(true, [strategy('d', { name: 'default', parameters: {} })]))).toBe(100);
    expect(reachOf(env(false, [flexible('a', 100)]))).toBe(0);
    // targeted strategies (constraints, user ids) reach no ring
    expect(
      reachOf(
        env(true, [
          ringStrategy('r', ['canary']),
          strategy('u', { name: 'userWithId', parameters: { userIds: 'x' } }),
        ]),
      ),
    ).toBe(0);
    expect(reachOf(env(true, [flexible('a', 100, { disabled: true })]))).toBe(0);
  });

  it('in percentage mode, nests rings by share', () => {
    expect(ringsOn(env(true, [flexible('a', 25)]), percentage)).toEqual([true, true, false, false]);
    expect(ringsOn(env(true, [flexible('a', 4)]), percentage)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(flagState(env(true, [flexible('a', 100)]), percentage)).toEqual({
      '*': true,
      canary: true,
      early: true,
      half: true,
      all: true,
    });
  });

  it('in constraint mode, reads the rings a strategy targets, everyone only without constraints', () => {
    expect(ringsOn(env(true, [ringStrategy('r', ['early'])]), constraint)).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(
      ringsOn(env(true, [ringStrategy('r', ['early']), flexible('a', 100)]), constraint),
    ).toEqual([true, true, true, true]);
    expect(ringsOn(env(false, [ringStrategy('r', ['early'])]), constraint)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('wanted rings', () => {
  it('in percentage mode, turning a ring on turns the smaller ones on; off turns the larger ones off', () => {
    expect(wantedRings([false, false, false, false], percentage, 2, true)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(wantedRings([true, true, true, false], percentage, 1, false)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('in constraint mode, rings are independent but everyone includes them all', () => {
    expect(wantedRings([false, false, false, false], constraint, 1, true)).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(wantedRings([true, true, true, true], constraint, 0, false)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('planning the writes', () => {
  it('sets the gradual rollout to the ring’s share and switches the environment on last', () => {
    const plan = planRings(
      env(false, [flexible('a', 5)]),
      'f',
      [true, true, false, false],
      percentage,
    );
    expect(plan).toEqual({
      writes: [
        {
          kind: 'update',
          id: 'a',
          strategy: expect.objectContaining({
            parameters: { rollout: '25', stickiness: 'default' },
          }),
        },
        { kind: 'environment', on: true },
      ],
    });
  });

  it('adds a gradual rollout when the feature has none', () => {
    const plan = planRings(env(false, []), 'f', [true, false, false, false], percentage);
    expect(plan).toEqual({
      writes: [
        {
          kind: 'add',
          strategy: {
            name: 'flexibleRollout',
            parameters: { rollout: '5', stickiness: 'default', groupId: 'f' },
            constraints: [],
          },
        },
        { kind: 'environment', on: true },
      ],
    });
  });

  it('refuses to narrow a feature that the standard strategy gives to everyone', () => {
    const plan = planRings(
      env(true, [strategy('d', { name: 'default', parameters: {} })]),
      'f',
      [true, false, false, false],
      percentage,
    );
    expect(plan).toEqual({
      refused: expect.stringMatching(/standard strategy.*gradual rollout in Unleash/),
    });
  });

  it('in constraint mode, writes the targeted rings into one strategy and keeps everyone off', () => {
    const plan = planRings(
      env(true, [ringStrategy('r', ['canary'])]),
      'f',
      [true, true, false, false],
      constraint,
    );
    expect(plan).toEqual({
      writes: [
        {
          kind: 'update',
          id: 'r',
          strategy: expect.objectContaining({
            constraints: [{ contextName: 'ring', operator: 'IN', values: ['canary', 'early'] }],
          }),
        },
      ],
    });
    expect(
      planRings(
        env(true, [ringStrategy('r', ['canary'])]),
        'f',
        [false, false, false, false],
        constraint,
      ),
    ).toEqual({
      writes: [{ kind: 'delete', id: 'r' }],
    });
  });

  it('marks a rollout halted in its title and clears the mark with the next change', () => {
    const rolling = env(true, [flexible('a', 25)]);
    const halt = planHalt(rolling, 'f', percentage);
    expect(halt).toEqual({
      writes: [
        { kind: 'update', id: 'a', strategy: expect.objectContaining({ title: HALTED_TITLE }) },
      ],
    });
    const halted = env(true, [flexible('a', 25, { title: HALTED_TITLE })]);
    expect(isHalted(halted, percentage)).toBe(true);
    const next = planRings(halted, 'f', [true, true, true, false], percentage);
    expect(next).toEqual({
      writes: [{ kind: 'update', id: 'a', strategy: expect.objectContaining({ title: '' }) }],
    });
    expect(planHalt(env(true, []), 'f', percentage)).toEqual({
      refused: expect.stringMatching(/no gradual rollout/),
    });
  });
});
