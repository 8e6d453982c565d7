// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConsoleStore, type ConsoleStore } from './console-store';
import { fixtureState } from './console-state-fixtures';
import { onlyPointsChanged } from './points-aware-subscriptions';

const initial = useConsoleStore.getState();
const store = () => useConsoleStore.getState();
let seq = 0;
/** A delta of one point for series i, as the host sends them. */
const point = (i: number, t: number) =>
  store().applyDelta({ seq: ++seq, points: { [`ep/s${i}`]: { t: [t], v: [t] } } });

beforeEach(() => {
  useConsoleStore.setState(initial, true);
  store().applyState(fixtureState(0, [], 3));
  seq = 0;
});
afterEach(cleanup);

describe('selector subscriptions', () => {
  it('run for a delta of points only when they read points', () => {
    const ofAlerts = vi.fn((state: ConsoleStore) => state.alerts);
    const ofPoints = vi.fn((state: ConsoleStore) => state.points['ep/s1']);
    const onPoints = vi.fn();
    const offAlerts = useConsoleStore.subscribe(ofAlerts, () => {});
    const offPoints = useConsoleStore.subscribe(ofPoints, onPoints);
    const [alertRuns, pointRuns] = [ofAlerts.mock.calls.length, ofPoints.mock.calls.length];

    for (let t = 10; t < 20; t += 1) point(1, t);
    expect(ofAlerts).toHaveBeenCalledTimes(alertRuns);
    expect(ofPoints).toHaveBeenCalledTimes(pointRuns + 10);
    expect(onPoints).toHaveBeenCalledTimes(10);
    expect(onPoints.mock.lastCall?.[0]).toEqual({
      t: [1, ...range(10, 20)],
      v: [1, ...range(10, 20)],
    });
    // Another series' points: run, but nothing new for this one.
    point(2, 30);
    expect(onPoints).toHaveBeenCalledTimes(10);
    offAlerts();
    offPoints();
  });

  it('run for every other change, with zustand equality and fireImmediately', () => {
    const onKiosk = vi.fn();
    const off = useConsoleStore.subscribe((state) => state.kiosk, onKiosk, {
      fireImmediately: true,
    });
    expect(onKiosk).toHaveBeenLastCalledWith(false, false);
    useConsoleStore.setState({ kiosk: true });
    expect(onKiosk).toHaveBeenLastCalledWith(true, false);
    useConsoleStore.setState({ view: 'alerts' });
    expect(onKiosk).toHaveBeenCalledTimes(2);
    off();
    useConsoleStore.setState({ kiosk: false });
    expect(onKiosk).toHaveBeenCalledTimes(2);
  });

  it('follow what a selector reads now: one that turns to points hears of them', () => {
    const onValue = vi.fn();
    const off = useConsoleStore.subscribe(
      (state) => (state.kiosk ? state.points['ep/s0']?.t.length : -1),
      onValue,
    );
    point(0, 10);
    expect(onValue).not.toHaveBeenCalled();
    useConsoleStore.setState({ kiosk: true });
    expect(onValue).toHaveBeenLastCalledWith(2, -1);
    point(0, 11);
    expect(onValue).toHaveBeenLastCalledWith(3, 2);
    off();
  });

  it('tell plain listeners of every set', () => {
    const listener = vi.fn();
    const off = useConsoleStore.subscribe(listener);
    point(0, 10);
    useConsoleStore.setState({ kiosk: true });
    expect(listener).toHaveBeenCalledTimes(2);
    off();
  });
});

describe('the store hook', () => {
  function Oldest({ seriesKey }: { seriesKey: string }) {
    const length = useConsoleStore((state) => state.points[seriesKey]?.t.length);
    return <span data-testid="length">{length}</span>;
  }

  it('re-renders a reader of points for a delta of points, and skips the others', () => {
    const ofAlerts = vi.fn((state: ConsoleStore) => state.alerts.length);
    function Alerts() {
      return <span data-testid="alerts">{useConsoleStore(ofAlerts)}</span>;
    }
    render(
      <>
        <Oldest seriesKey="ep/s0" />
        <Alerts />
      </>,
    );
    const runs = ofAlerts.mock.calls.length;
    act(() => {
      for (let t = 10; t < 15; t += 1) point(0, t);
    });
    expect(screen.getByTestId('length').textContent).toBe('6');
    expect(ofAlerts).toHaveBeenCalledTimes(runs);
    act(() => useConsoleStore.setState({ kiosk: true }));
    expect(ofAlerts.mock.calls.length).toBeGreaterThan(runs);
  });

  it('gives the whole state to a hook without a selector, and keeps it current', () => {
    function Whole() {
      const state = useConsoleStore();
      return <span data-testid="whole">{state.points['ep/s1']?.t.length}</span>;
    }
    render(<Whole />);
    act(() => point(1, 10));
    expect(screen.getByTestId('whole').textContent).toBe('2');
  });
});

describe('onlyPointsChanged', () => {
  it('is true only while every other part of the state is the same reference', () => {
    const state = store();
    expect(onlyPointsChanged({ ...state }, state)).toBe(true);
    expect(onlyPointsChanged({ ...state, points: { ...state.points } }, state)).toBe(false);
    expect(onlyPointsChanged({ ...state, alerts: [] }, state)).toBe(false);
    const { kiosk: _gone, ...fewer } = state;
    expect(onlyPointsChanged(fewer as ConsoleStore, state)).toBe(false);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
