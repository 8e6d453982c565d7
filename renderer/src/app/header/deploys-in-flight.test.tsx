// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionRecord } from '../../../../shared/api/actions';
import type * as actionStates from '../../../../shared/rules/action-states';
import { isActionInFlight } from '../../../../shared/rules/action-states';
import { useConsoleStore } from '../../store/console-store';
import { DeploysInFlight } from './deploys-in-flight';

// flightsOf asks this of every action record: counting it counts the work per store change.
vi.mock('../../../../shared/rules/action-states', async (original) => {
  const real = await original<typeof actionStates>();
  return { ...real, isActionInFlight: vi.fn(real.isActionInFlight) };
});
const asked = () => vi.mocked(isActionInFlight).mock.calls.length;

const initial = useConsoleStore.getState();
const rollback = (state: ActionRecord['state'], updatedAt: number) =>
  ({
    key: 'key-rollback-01',
    endpointId: 'demo',
    action: 'rollback',
    args: { service: 'billing', environment: 'production' },
    state,
    operator: 'ana',
    submittedAt: 1,
    updatedAt,
  }) as unknown as ActionRecord;

beforeEach(() => useConsoleStore.setState(initial, true));
afterEach(cleanup);

describe('DeploysInFlight', () => {
  it('works the flights out again for a delta of actions, not for deltas of points', () => {
    act(() => useConsoleStore.getState().upsertActions([rollback('running', 2)]));
    render(<DeploysInFlight />);
    const flights = screen.getByTestId('deploys-in-flight');
    expect(flights.dataset.count).toBe('1');
    const before = asked();
    act(() => {
      for (let seq = 1; seq <= 20; seq += 1)
        useConsoleStore.getState().applyDelta({ seq, points: { 'demo/a': { t: [seq], v: [1] } } });
    });
    expect(asked()).toBe(before);
    act(() =>
      useConsoleStore.getState().applyDelta({ seq: 21, actions: [rollback('succeeded', 3)] }),
    );
    expect(flights.dataset.count).toBe('0');
  });
});
