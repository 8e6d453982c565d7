// @vitest-environment happy-dom
// Leaving a review against a scripted host: the live state is taken in tasks
// while the wall stays on the snapshot, lands whole, and the deltas that came
// meanwhile follow it (those already in it do not apply twice; a gap or a host
// restart refetches). Only the review being left ends, and not over notes
// written after the click.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleDelta, ConsoleState } from '../../../../shared/api/console-state';
import { useConsoleStore } from '../../store/console-store';
import { fixtureEvent as event, fixtureState } from '../../store/console-state-fixtures';
import type { ReviewSession } from '../../store/review-slice';
import { exitReview } from './review-exit';

const host = vi.hoisted(() => ({
  replies: [] as ((state: unknown) => void)[],
  listeners: new Set<(delta: unknown) => void>(),
}));

vi.mock('../../bridge/console-bridge', () => ({
  getConsoleApi: () => ({
    getState: () => new Promise((resolve) => host.replies.push(resolve)),
    onDelta: (listener: (delta: unknown) => void) => {
      host.listeners.add(listener);
      return () => host.listeners.delete(listener);
    },
  }),
}));

/** A review of `fileName`: a file of its own, its window 0–100. */
const reviewOf = (fileName: string) =>
  ({
    fileName,
    snapshot: { points: {}, annotations: [], meta: { notes: '', window: { from: 0, to: 100 } } },
    at: 100,
    notes: '',
    annotations: [],
    unsaved: false,
  }) as unknown as ReviewSession;
const session = reviewOf('incident.wfsnap');
const tasks: (() => void)[] = [];
const yieldTask = () => new Promise<void>((resolve) => tasks.push(resolve));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const seriesShown = () => Object.keys(useConsoleStore.getState().series).length;
const eventIds = () => useConsoleStore.getState().events.map((e) => e.id);

async function answer(state: ConsoleState): Promise<void> {
  host.replies.shift()?.(state);
  await settle();
}
async function runTasks(): Promise<number> {
  let ran = 0;
  while (tasks.length > 0) {
    tasks.shift()?.();
    ran += 1;
    await settle();
  }
  return ran;
}
const send = (...deltas: ConsoleDelta[]) => {
  for (const delta of deltas) for (const listener of host.listeners) listener(delta);
};

const initial = useConsoleStore.getState();
beforeEach(() => {
  useConsoleStore.setState(initial, true);
  useConsoleStore.setState({ review: session });
});
afterEach(() => {
  host.replies.length = 0;
  tasks.length = 0;
});

describe('exitReview', () => {
  it('takes a 1,200-series live state in tasks, the snapshot shown until it lands whole', async () => {
    const leaving = exitReview({ yieldTask });
    await answer(fixtureState(1, [], 1_200));
    // The reply's own task ended without the state: the review is still on.
    expect(useConsoleStore.getState().review).toBe(session);
    expect(seriesShown()).toBe(0);
    expect(await runTasks()).toBeGreaterThanOrEqual(3);
    await leaving;
    expect(useConsoleStore.getState().review).toBeUndefined();
    expect(seriesShown()).toBe(1_200);
  });

  it('applies the deltas that came meanwhile after the state, those in it once', async () => {
    const leaving = exitReview({ yieldTask });
    await answer(fixtureState(4, ['a', 'b'], 10));
    send({ seq: 4, events: [event('b')] }, { seq: 5, events: [event('c')] });
    await runTasks();
    await leaving;
    expect(eventIds()).toEqual(['a', 'b', 'c']);
    expect(host.listeners.size).toBe(0);
  });

  it('fetches the state again when a delta after it is missing', async () => {
    const leaving = exitReview({ yieldTask });
    await answer(fixtureState(4, ['a'], 10));
    send({ seq: 5, events: [event('b')] }, { seq: 7, events: [event('d')] });
    await runTasks();
    expect(useConsoleStore.getState().review).toBe(session);
    await answer(fixtureState(7, ['a', 'b', 'c', 'd'], 10));
    await runTasks();
    await leaving;
    expect(useConsoleStore.getState().review).toBeUndefined();
    expect(eventIds()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a review opened while the last one was being left', async () => {
    const leaving = exitReview({ yieldTask });
    await answer(fixtureState(1, [], 1_200));
    const other = reviewOf('other.wfsnap');
    useConsoleStore.getState().enterReview(other.fileName, other.snapshot);
    await runTasks();
    await leaving;
    expect(useConsoleStore.getState().review?.fileName).toBe('other.wfsnap');
    expect(seriesShown()).toBe(0);
  });

  it('still ends a review played back while it was being left', async () => {
    const leaving = exitReview({ yieldTask });
    await answer(fixtureState(1, [], 1_200));
    useConsoleStore.getState().setReviewAt(40);
    await runTasks();
    await leaving;
    expect(useConsoleStore.getState().review).toBeUndefined();
    expect(seriesShown()).toBe(1_200);
  });

  it('stays on the review when notes were written on it after the click', async () => {
    const leaving = exitReview({ yieldTask });
    await answer(fixtureState(1, [], 1_200));
    useConsoleStore.getState().setReviewNotes('Rollback started at 14:02');
    await runTasks();
    await leaving;
    expect(useConsoleStore.getState().review?.notes).toBe('Rollback started at 14:02');
    expect(seriesShown()).toBe(0);
  });

  it('follows a host that restarted while the state was fetched, its seq starting over', async () => {
    const leaving = exitReview({ yieldTask });
    await answer(fixtureState(40, ['old'], 10));
    // Delta 41 was lost: the state is fetched again; then the host restarts.
    send({ seq: 42, events: [event('lost')] });
    await runTasks();
    send({ seq: 1, events: [event('new')] }, { seq: 2, events: [event('newer')] });
    for (let fetches = 0; fetches < 2 && host.replies.length > 0; fetches += 1) {
      await answer(fixtureState(2, ['new', 'newer'], 10));
      await runTasks();
    }
    await leaving;
    expect(useConsoleStore.getState().review).toBeUndefined();
    expect(eventIds()).toEqual(['new', 'newer']);
  });

  it('fetches again a state from before a host restart seen while it was taken', async () => {
    const leaving = exitReview({ yieldTask });
    await answer(fixtureState(40, ['old'], 10));
    send({ seq: 41, events: [event('older')] }, { seq: 1, events: [event('new')] });
    await runTasks();
    expect(useConsoleStore.getState().review).toBe(session);
    await answer(fixtureState(1, ['new'], 10));
    await runTasks();
    await leaving;
    expect(eventIds()).toEqual(['new']);
  });
});
