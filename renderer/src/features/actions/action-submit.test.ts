import { describe, expect, it } from 'vitest';
import { actionRequest } from './action-submit';

const intent = {
  endpointId: 'ep1',
  key: 'key-0000000001',
  call: {
    action: 'ring.promote' as const,
    args: { service: 'web', environment: 'production', toRing: 'beta' },
  },
};

describe('actionRequest: what the desk is asked', () => {
  it('carries the intent’s endpoint, key, action and args', () => {
    expect(actionRequest(intent)).toEqual({
      endpointId: 'ep1',
      key: 'key-0000000001',
      action: 'ring.promote',
      args: { service: 'web', environment: 'production', toRing: 'beta' },
    });
  });

  it('trims the reason and leaves out a blank one', () => {
    expect(actionRequest(intent, { reason: '  gates are a known artefact  ' }).reason).toBe(
      'gates are a known artefact',
    );
    expect(actionRequest(intent, { reason: '   ' })).not.toHaveProperty('reason');
  });

  it('marks an override only when asked', () => {
    expect(actionRequest(intent, { override: true }).override).toBe(true);
    expect(actionRequest(intent, { override: false })).not.toHaveProperty('override');
  });
});
