// @vitest-environment happy-dom
// A rollback says where it started ("Rollback 2.14.0 → 2.13.2") from its own
// record, so a reloaded window, loaded from the host's getState, says it too.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleStateSchema } from '../../../../shared/api/console-state';
import { useConsoleStore } from '../../store/console-store';
import { ActionStatus } from './action-status';

afterEach(cleanup);

/** What getState returns after the action desk recorded a rollback, as the bridge validates it. */
const reloaded = () =>
  consoleStateSchema.parse({
    // The delta sequence the state is current to (ignored where the schema has none).
    seq: 0,
    endpoints: [],
    series: [],
    points: {},
    deployments: [],
    actions: [
      {
        endpointId: 'ep1',
        key: 'key-rollback-01',
        action: 'deploy.rollback',
        args: { service: 'billing', environment: 'production', toVersion: '2.13.2' },
        fromVersion: '2.14.0',
        state: 'succeeded',
        operator: 'alice',
        submittedAt: 1_000,
        updatedAt: 2_000,
      },
    ],
    events: [],
    profile: 'operator',
    notices: [],
    alerts: [],
    alertTimeline: [],
    settings: {},
    releases: [],
    kiosk: false,
  });

describe('a rollback’s "from" after a reload', () => {
  it('survives getState and shows from the record', () => {
    useConsoleStore.getState().applyState(reloaded());
    const record = useConsoleStore.getState().actions['key-rollback-01'];
    expect(record?.fromVersion).toBe('2.14.0');
    render(<ActionStatus record={record!} />);
    expect(screen.getByTestId('action-status').textContent).toContain(
      'Rollback 2.14.0 → 2.13.2: succeeded',
    );
  });
});
