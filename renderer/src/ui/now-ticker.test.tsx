// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConsoleStore } from '../store/console-store';
import { TICK_SLICE, useClocked, useNow } from './now-ticker';

// Half a second before a whole second, so the next tick is 500 ms away.
const NOW = Date.UTC(2026, 10, 26, 14, 30, 0, 500);
const initial = useConsoleStore.getState();

function Clock({ id }: { id: number }) {
  return <span data-testid={`clock-${id}`}>{useNow()}</span>;
}

/** How many of the first `count` clocks show `at`. */
const showing = (at: number, count: number) =>
  Array.from({ length: count }, (_, id) => screen.getByTestId(`clock-${id}`).textContent).filter(
    (text) => text === String(at),
  ).length;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  useConsoleStore.setState(initial, true);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the 1 s ticker', () => {
  it('tells a tick to its subscribers a slice per task, so a wall of them is not one long task', () => {
    const count = TICK_SLICE * 2 + 10;
    render(
      <>
        {Array.from({ length: count }, (_, id) => (
          <Clock key={id} id={id} />
        ))}
      </>,
    );
    expect(showing(NOW, count)).toBe(count);

    const tick = NOW + 500;
    act(() => void vi.advanceTimersToNextTimer());
    expect(Date.now()).toBe(tick);
    expect(showing(tick, count)).toBe(TICK_SLICE);
    act(() => void vi.advanceTimersToNextTimer());
    expect(showing(tick, count)).toBe(TICK_SLICE * 2);
    act(() => void vi.advanceTimersToNextTimer());
    expect(showing(tick, count)).toBe(count);
    // Each slice a task of its own, right after the last: not the next second.
    expect(Date.now()).toBeLessThan(tick + 10);
  });

  it('re-renders a clocked reader only when what it reads changes', () => {
    let renders = 0;
    function FiveSeconds() {
      renders += 1;
      const bucket = useClocked((now) => Math.floor(now / 5_000));
      return <span data-testid="bucket">{bucket}</span>;
    }
    render(<FiveSeconds />);
    const first = screen.getByTestId('bucket').textContent;
    const rendersBefore = renders;

    // Ticks at :01 to :04 read the same five-second bucket.
    act(() => void vi.advanceTimersByTime(4_000));
    expect(screen.getByTestId('bucket').textContent).toBe(first);
    expect(renders).toBe(rendersBefore);

    act(() => void vi.advanceTimersByTime(1_000));
    expect(screen.getByTestId('bucket').textContent).toBe(String(Number(first) + 1));
    expect(renders).toBe(rendersBefore + 1);
  });

  it("tells late readers after the others, so a child reading its parent's prop renders once, in step", () => {
    const seen: string[] = [];
    function Age({ at }: { at: number }) {
      const age = useClocked((now) => now - at, { late: true });
      seen.push(`${at}:${age}`);
      return <span data-testid="age">{age}</span>;
    }
    // The parent's reading changes every second (a new sample); its age stays 0.
    function Sample() {
      const at = useClocked((now) => now);
      return <Age at={at} />;
    }
    // A slice of other readers first: the two are told in different tasks.
    render(
      <>
        {Array.from({ length: TICK_SLICE }, (_, id) => (
          <Clock key={id} id={id} />
        ))}
        <Sample />
      </>,
    );
    seen.length = 0;

    // The tick, then its second slice: each its own task (and React render).
    act(() => void vi.advanceTimersToNextTimer());
    act(() => void vi.advanceTimersToNextTimer());
    expect(seen).toEqual([`${NOW + 500}:0`]);
    expect(screen.getByTestId('age').textContent).toBe('0');
  });
});
