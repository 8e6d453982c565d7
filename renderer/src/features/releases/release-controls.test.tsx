// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionRecord, ActionRequest } from '../../../../shared/api/actions';
import type { EndpointStatus } from '../../../../shared/api/links';
import type { ReleaseStatus } from '../../../../shared/api/releases';
import type { EnvironmentState } from '../../../../shared/protocol';
import { useConsoleStore } from '../../store/console-store';
import { ReleaseControls } from './release-controls';

const submitAction = vi.fn<(request: ActionRequest) => Promise<ActionRecord>>();
vi.mock('../../bridge/console-bridge', () => ({ getConsoleApi: () => ({ submitAction }) }));

const beta = { id: 'beta', name: 'Beta customers', share: 0.05, version: '5.9.0' };
const everyone = { id: 'all', name: 'Everyone', share: 1, version: '5.8.1' };

const release = (overrides: Partial<ReleaseStatus> = {}): ReleaseStatus => ({
  endpointId: 'ep1',
  service: 'web',
  serviceName: 'Web app',
  environment: 'production',
  version: '5.9.0',
  baselineVersion: '5.8.1',
  rings: [{ ...beta, status: 'active' }, everyone],
  ring: { ...beta, status: 'active' },
  nextRing: everyone,
  gates: [],
  promote: { allowed: true },
  ...overrides,
});

const endpoint = (overrides: Partial<EndpointStatus> = {}): EndpointStatus =>
  ({
    id: 'ep1',
    name: 'Demo',
    state: 'open',
    actions: ['ring.promote', 'ring.halt', 'deploy.rollback'],
    ...overrides,
  }) as EndpointStatus;

const environment = (overrides: Partial<EnvironmentState> = {}): EnvironmentState => ({
  id: 'production',
  version: '5.9.0',
  previousVersions: ['5.8.1'],
  status: 'healthy',
  updatedAt: 0,
  ...overrides,
});

function world(
  options: {
    connection?: 'open' | 'lost';
    endpoint?: EndpointStatus;
    env?: EnvironmentState;
  } = {},
) {
  useConsoleStore.setState({
    connection: options.connection ?? 'open',
    endpoints: options.endpoint ? [options.endpoint] : [endpoint()],
    actions: {},
    deployments: [
      {
        endpointId: 'ep1',
        resourceVersion: 1,
        services: [{ id: 'web', name: 'Web app', environments: [options.env ?? environment()] }],
      },
    ],
  });
}

const record = (request: ActionRequest, state: ActionRecord['state']): ActionRecord =>
  ({ ...request, state, operator: 'alice', submittedAt: 1, updatedAt: 1 }) as ActionRecord;

beforeEach(() => {
  submitAction.mockReset();
  world();
});
afterEach(cleanup);

describe('ReleaseControls: why a decision cannot be taken, as shown', () => {
  it('the console link is down', () => {
    world({ connection: 'lost' });
    render(<ReleaseControls release={release()} records={[]} />);
    expect(screen.getByTestId('promote-reason').textContent).toBe('The console link is down');
    expect(screen.getByTestId('halt-button').getAttribute('title')).toBe(
      'The console link is down',
    );
  });

  it('the endpoint is not live', () => {
    world({ endpoint: endpoint({ state: 'reconnecting' }) });
    render(<ReleaseControls release={release()} records={[]} />);
    expect(screen.getByTestId('promote-reason').textContent).toBe(
      'Endpoint Demo is reconnecting: actions need a live link',
    );
  });

  it('the endpoint does not offer the action', () => {
    world({ endpoint: endpoint({ actions: ['ring.promote'] }) });
    render(<ReleaseControls release={release()} records={[]} />);
    expect(screen.getByTestId('rollback-button').getAttribute('title')).toBe(
      'Endpoint Demo does not offer “Roll back” (deploy.rollback)',
    );
    expect((screen.getByTestId('promote-button') as HTMLButtonElement).disabled).toBe(false);
  });

  it('another action on the release is still running', () => {
    const running = record(
      {
        endpointId: 'ep1',
        key: 'key-running-01',
        action: 'ring.promote',
        args: { service: 'web', environment: 'production' },
      },
      'running',
    );
    render(<ReleaseControls release={release()} records={[running]} />);
    expect(screen.getByTestId('promote-reason').textContent).toBe(
      'Waiting for “Promote” (ring.promote): it is still running',
    );
  });

  it('the rollout is halted: halt says so in the release gates’ words', () => {
    const halted = { ...beta, status: 'halted' as const };
    render(<ReleaseControls release={release({ ring: halted })} records={[]} />);
    expect(screen.getByTestId('halt-button').getAttribute('title')).toBe(
      'The rollout is halted in Beta customers',
    );
  });
});

describe('ReleaseControls: decisions go through the one submit flow', () => {
  it('promotes once with the intent’s key, and keeps that key for a retry after a failure', async () => {
    submitAction.mockRejectedValueOnce(new Error('socket closed'));
    submitAction.mockImplementation((request) => Promise.resolve(record(request, 'accepted')));
    render(<ReleaseControls release={release()} records={[]} />);
    fireEvent.click(screen.getByTestId('promote-button'));
    fireEvent.change(screen.getByTestId('release-confirm-name'), { target: { value: 'Web app' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm promote' }));
    await screen.findByText(
      'The request failed: socket closed. Confirm again to retry (it cannot run twice).',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm promote' }));
    await waitFor(() => expect(screen.queryByTestId('release-confirm')).toBeNull());
    const [first, second] = submitAction.mock.calls.map(([request]) => request);
    expect(first).toMatchObject({
      endpointId: 'ep1',
      action: 'ring.promote',
      args: { service: 'web', environment: 'production', version: '5.9.0', toRing: 'all' },
    });
    expect(first).not.toHaveProperty('override');
    expect(second?.key).toBe(first?.key);
    expect(Object.values(useConsoleStore.getState().actions)).toHaveLength(1);
  });
});

describe('ReleaseConfirm: confirmation follows risk', () => {
  const open = (button: string, overrides: Partial<ReleaseStatus> = {}) => {
    render(<ReleaseControls release={release(overrides)} records={[]} />);
    fireEvent.click(screen.getByTestId(button));
  };

  it.each([
    [
      'a production tier, whatever the name',
      environment({ id: 'production', tier: 'production' }),
      true,
    ],
    ['a staging tier named production', environment({ tier: 'staging' }), false],
    ['no tier, named production', environment(), true],
  ])('promote with %s: asks for the name %s', (_, env, asks) => {
    world({ env });
    open('promote-button', { nextRing: beta, ring: { ...beta, id: 'internal', share: 0.01 } });
    expect(screen.queryByTestId('release-confirm-name') !== null).toBe(asks);
  });

  it('promote to everyone asks for the name even outside production', () => {
    world({ env: environment({ tier: 'staging' }) });
    open('promote-button');
    expect(screen.getByTestId('release-confirm-risk').textContent).toContain(
      'because it widens exposure and it reaches every user',
    );
    expect(screen.queryByTestId('release-confirm-name')).not.toBeNull();
  });

  it.each([
    ['halt-button', 'One confirm for “Halt”: it stops a rollout; nobody new gets the release.'],
    [
      'rollback-button',
      'One confirm for “Roll back”: it narrows exposure; check the preview above.',
    ],
  ])('%s in production: one confirm, and the reason why', (button, why) => {
    world({ env: environment({ tier: 'production' }) });
    open(button);
    expect(screen.queryByTestId('release-confirm-name')).toBeNull();
    expect(screen.getByTestId('release-confirm-risk').textContent).toContain(why);
    expect((screen.getByTestId('release-confirm-button') as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});
