import { describe, expect, it, vi } from 'vitest';
import { shallow } from 'zustand/shallow';
import { memoSelector } from './memo-selector';

interface State {
  alerts: string[];
  points: Record<string, number[]>;
  kiosk: boolean;
}

const base: State = { alerts: ['a1', 'b1', 'a2'], points: { a: [1] }, kiosk: false };
const ofA = (state: State) => state.alerts.filter((id) => id.startsWith('a'));

describe('memoSelector', () => {
  it('derives once while its inputs are the same references, whatever else changes', () => {
    const derive = vi.fn(ofA);
    const select = memoSelector([(state: State) => state.alerts], derive);
    const first = select(base);
    expect(first).toEqual(['a1', 'a2']);
    // A delta that brought only points: a new state, the same alerts.
    const second = select({ ...base, points: { a: [1, 2] } });
    const third = select({ ...base, kiosk: true });
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(derive).toHaveBeenCalledTimes(1);
  });

  it('derives again when any input is a new reference', () => {
    const derive = vi.fn((state: State) => `${state.alerts.length}:${state.kiosk}`);
    const select = memoSelector([(state: State) => state.alerts, (state) => state.kiosk], derive);
    expect(select(base)).toBe('3:false');
    expect(select({ ...base, kiosk: true })).toBe('3:true');
    expect(select({ ...base, kiosk: true, alerts: ['x'] })).toBe('1:true');
    expect(derive).toHaveBeenCalledTimes(3);
  });

  it('keeps the previous value when the new one is the same by `same`', () => {
    const select = memoSelector([(state: State) => state.alerts], ofA, shallow);
    const first = select(base);
    // New alerts, but not for this series: the same list, the same reference.
    expect(select({ ...base, alerts: [...base.alerts, 'b2'] })).toBe(first);
    const changed = select({ ...base, alerts: ['a1'] });
    expect(changed).toEqual(['a1']);
    expect(changed).not.toBe(first);
  });

  it('by default compares with Object.is: a rebuilt list is a new value', () => {
    const select = memoSelector([(state: State) => state.alerts], ofA);
    const first = select(base);
    expect(select({ ...base, alerts: [...base.alerts] })).not.toBe(first);
  });
});
