// @vitest-environment happy-dom
// Loading tells the truth: until the state is in, the screen says it is
// loading (and how far it has got); then the frame and the view mount, each
// in a task of its own, with no summary or wall before the state is whole.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useConsoleStore } from '../store/console-store';
import { ConsoleApp } from './console-app';

const initial = useConsoleStore.getState();

beforeEach(() => {
  useConsoleStore.setState(initial, true);
});

afterEach(() => {
  cleanup();
});

describe('ConsoleApp while loading', () => {
  it('says how far taking the state in has got, and shows no status yet', () => {
    useConsoleStore.setState({ connection: 'open', hydrating: { done: 1_500, total: 5_000 } });
    render(<ConsoleApp />);
    expect(screen.getByTestId('connecting').textContent).toContain('Loading…');
    expect(screen.getByTestId('loading-progress').textContent).toBe('1,500 of 5,000 series');
    expect(screen.queryByTestId('overall-status')).toBeNull();
  });

  it('mounts the header, then the view, each after the task that landed the state', async () => {
    render(<ConsoleApp />);
    const seen: string[] = [];
    const record = () => {
      const shown = ['connecting', 'overall-status', 'view-loading', 'wall']
        .filter((id) => document.querySelector(`[data-testid="${id}"]`))
        .join('+');
      if (seen.at(-1) !== shown) seen.push(shown);
    };
    const observer = new MutationObserver(record);
    observer.observe(document.body, { childList: true, subtree: true });
    act(() => useConsoleStore.setState({ loaded: true, connection: 'open' }));
    // The task that landed the state renders nothing of the console yet.
    expect(screen.getByTestId('connecting')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('wall')).toBeTruthy());
    observer.disconnect();
    record();
    expect(seen).toEqual(['overall-status+view-loading', 'overall-status+wall']);
  });
});
