// The display profile is read-only in the main process itself, not only in
// the page: a renderer that calls the API anyway (a modified page, a second
// tab) is refused before anything is sent, acknowledged or saved.
import { describe, expect, it } from 'vitest';
import { ConsoleCore } from '../../main/core/console-core';

const READ_ONLY = /read-only display profile/;

function core(profile: 'operator' | 'display') {
  return new ConsoleCore({ endpoints: [], clientVersion: 'test', profile });
}

const rollback = {
  endpointId: 'demo',
  key: 'display-rollback-1',
  action: 'deploy.rollback',
  args: { service: 'billing', environment: 'production' },
  reason: 'errors after 2.14.0',
} as const;

describe('display profile', () => {
  it('refuses an action in the main process, with the reason', async () => {
    const record = await core('display').submitAction(rollback);
    expect(record.state).toBe('rejected');
    expect(record.message).toMatch(READ_ONLY);
  });

  it('refuses acknowledging an alert and every endpoint edit', async () => {
    const display = core('display');
    const endpoint = { url: 'ws://127.0.0.1:1' };
    await expect(display.acknowledgeAlert('any')).rejects.toThrow(READ_ONLY);
    await expect(display.addEndpoint(endpoint)).rejects.toThrow(READ_ONLY);
    await expect(display.updateEndpoint('demo', endpoint)).rejects.toThrow(READ_ONLY);
    await expect(display.removeEndpoint('demo')).rejects.toThrow(READ_ONLY);
  });

  it('lets the operator profile past the same checks (the refusal is the profile, not the request)', async () => {
    const operator = core('operator');
    const record = await operator.submitAction(rollback);
    expect(record.message ?? '').not.toMatch(READ_ONLY);
    await expect(operator.acknowledgeAlert('any')).rejects.not.toThrow(READ_ONLY);
    await expect(operator.addEndpoint({ url: 'ws://127.0.0.1:1' })).rejects.not.toThrow(READ_ONLY);
  });
});
