import { describe, expect, it } from 'vitest';
import { ACTION_STATES } from '../protocol';
import { isActionInFlight, isFinalActionState } from './action-states';

describe('final action states', () => {
  it.each([
    ['pending', false, true],
    ['accepted', false, true],
    ['running', false, true],
    ['unknown', false, false],
    ['rejected', true, false],
    ['succeeded', true, false],
    ['failed', true, false],
    ['cancelled', true, false],
  ] as const)('%s: final %s, in flight %s', (state, final, inFlight) => {
    expect(isFinalActionState(state)).toBe(final);
    expect(isActionInFlight(state)).toBe(inFlight);
  });

  it('covers every lifecycle state', () => {
    expect(ACTION_STATES).toHaveLength(8);
  });
});
