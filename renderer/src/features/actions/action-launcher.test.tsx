// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../../../shared/api/actions';
import type { EndpointStatus } from '../../../../shared/api/links';
import type { ActionCall } from '../../../../shared/protocol';
import { useConsoleStore } from '../../store/console-store';
import { ActionLauncher } from './action-launcher';

const rollback: ActionCall = {
  action: 'deploy.rollback',
  args: { service: 'billing', environment: 'production' },
};

const demo = (overrides: Partial<EndpointStatus> = {}): EndpointStatus =>
  ({
    id: 'ep1',
    name: 'Demo',
    state: 'open',
    actions: ['deploy.rollback'],
    ...overrides,
  }) as EndpointStatus;

function shown(): { button: HTMLButtonElement; caption: string | null } {
  render(<ActionLauncher endpointId="ep1" call={rollback} />);
  return {
    button: screen.getByTestId('action-open') as HTMLButtonElement,
    caption: screen.queryByTestId('action-blocker')?.textContent ?? null,
  };
}

beforeEach(() => {
  useConsoleStore.setState({
    profile: 'operator',
    kiosk: false,
    connection: 'open',
    endpoints: [demo()],
    actions: {},
  });
});
afterEach(cleanup);

describe('ActionLauncher: why it cannot be used, as shown', () => {
  it('is enabled, without a caption, when nothing is in the way', () => {
    const { button, caption } = shown();
    expect(button.disabled).toBe(false);
    expect(caption).toBeNull();
  });

  it.each([
    [{ kiosk: true }, 'Kiosk mode: actions are off on this screen'],
    [{ connection: 'lost' as const }, 'The console link is down'],
    [{ endpoints: [] }, 'Endpoint ep1 is not known to the console'],
    [
      { endpoints: [demo({ state: 'failed' })] },
      'Endpoint Demo is failed: actions need a live link',
    ],
    [
      { endpoints: [demo({ actions: ['patch.apply'] })] },
      'Endpoint Demo does not offer “Roll back” (deploy.rollback)',
    ],
  ])('%j: %s', (state, words) => {
    useConsoleStore.setState(state);
    const { button, caption } = shown();
    expect(button.disabled).toBe(true);
    expect(caption).toBe(words);
    expect(button.title).toBe(words);
  });

  it('names who is acting on the same target, and still opens, so the confirmation can tell more', () => {
    const running = {
      endpointId: 'ep1',
      key: 'key-halt-0001',
      action: 'ring.halt',
      args: { service: 'billing', environment: 'production' },
      state: 'running',
      operator: 'alice',
      submittedAt: 1,
      updatedAt: 1,
    } as ActionRecord;
    useConsoleStore.setState({ actions: { [running.key]: running } });
    const busy = shown();
    expect(busy.caption).toBe('alice is halting a release of billing production: running');
    expect(busy.button.disabled).toBe(false);
    cleanup();
    useConsoleStore.setState({ actions: { [running.key]: { ...running, state: 'unknown' } } });
    expect(shown().caption).toBeNull();
  });

  it('draws nothing in the display profile', () => {
    useConsoleStore.setState({ profile: 'display' });
    render(<ActionLauncher endpointId="ep1" call={rollback} />);
    expect(screen.queryByTestId('action-open')).toBeNull();
  });
});
