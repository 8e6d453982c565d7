// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Playlist, ViewName } from '../../../shared/api/settings';
import { useConsoleStore } from '../store/console-store';
import type { ReviewSession } from '../store/review-slice';
import { usePlaylistRotation } from './playlist-rotation';

const initial = useConsoleStore.getState();

function setPlaylist(playlist: Playlist): void {
  act(() => {
    const { settings } = useConsoleStore.getState();
    useConsoleStore.setState({ settings: { ...settings, playlist } });
  });
}

/** Lets the control-room clock run for this many seconds. */
const wait = (seconds: number) => act(() => vi.advanceTimersByTime(seconds * 1000));
const view = () => useConsoleStore.getState().view;

/** Checked after every interval: three turns of a three-view list would land on the wall anyway. */
function stillOnTheWall(intervals: number): void {
  for (let turn = 0; turn < intervals; turn += 1) {
    wait(30);
    expect(view()).toBe('wall');
  }
}

/** The playlist a NOC shift might run: the wall, then alerts, then deployments, 30 s each. */
const shift: Playlist = { enabled: true, views: ['wall', 'alerts', 'deployments'], intervalS: 30 };

beforeEach(() => {
  vi.useFakeTimers();
  useConsoleStore.setState(initial, true);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('usePlaylistRotation', () => {
  it('shows the views in order, one interval each, and starts over', () => {
    setPlaylist(shift);
    renderHook(usePlaylistRotation);
    wait(29.999);
    expect(view()).toBe('wall');
    wait(0.001);
    expect(view()).toBe('alerts');
    wait(30);
    expect(view()).toBe('deployments');
    wait(30);
    expect(view()).toBe('wall');
  });

  it('goes on from the view an operator chose, or starts the list from one outside it', () => {
    setPlaylist(shift);
    renderHook(usePlaylistRotation);
    act(() => useConsoleStore.getState().setView('alerts'));
    wait(30);
    expect(view()).toBe('deployments');
    act(() => useConsoleStore.getState().setView('connections'));
    wait(30);
    expect(view()).toBe('wall');
  });

  it('waits while a series detail is open, and goes on once it is closed', () => {
    setPlaylist(shift);
    renderHook(usePlaylistRotation);
    act(() => useConsoleStore.getState().openDetail('demo/app.errors.rate'));
    stillOnTheWall(3);
    expect(useConsoleStore.getState().detailKey).toBe('demo/app.errors.rate');
    act(() => useConsoleStore.getState().closeDetail());
    wait(30);
    expect(view()).toBe('alerts');
  });

  it('waits while the wall is being arranged', () => {
    setPlaylist(shift);
    renderHook(usePlaylistRotation);
    act(() => useConsoleStore.getState().setArranging(true));
    stillOnTheWall(3);
    act(() => useConsoleStore.getState().setArranging(false));
    wait(30);
    expect(view()).toBe('alerts');
  });

  it('waits while a snapshot is under review', () => {
    setPlaylist(shift);
    renderHook(usePlaylistRotation);
    const session = { fileName: 'billing-incident.wfsnap' } as ReviewSession;
    act(() => useConsoleStore.setState({ review: session }));
    stillOnTheWall(3);
  });

  it('never rotates while the playlist is off, and stops when it is turned off', () => {
    setPlaylist({ ...shift, enabled: false });
    renderHook(usePlaylistRotation);
    wait(120);
    expect(view()).toBe('wall');

    setPlaylist(shift);
    wait(30);
    expect(view()).toBe('alerts');
    setPlaylist({ ...shift, enabled: false });
    wait(120);
    expect(view()).toBe('alerts');
  });

  it('keeps to a new interval once it is saved', () => {
    setPlaylist(shift);
    renderHook(usePlaylistRotation);
    wait(20);
    setPlaylist({ ...shift, intervalS: 5 });
    wait(5);
    expect(view()).toBe('alerts');
    wait(5);
    expect(view()).toBe('deployments');
  });

  it('skips a view this console does not draw, and stays on a single view', () => {
    const views: ViewName[] = ['incidents' as ViewName, 'wall', 'alerts'];
    setPlaylist({ ...shift, views });
    renderHook(usePlaylistRotation);
    wait(30);
    expect(view()).toBe('alerts');
    wait(30);
    expect(view()).toBe('wall');

    setPlaylist({ ...shift, views: ['alerts'] });
    wait(30);
    expect(view()).toBe('alerts');
    wait(30);
    expect(view()).toBe('alerts');
  });
});
