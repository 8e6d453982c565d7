import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../../shared/api/actions';
import { auditEntryFor } from './audit-entry';

const record = (state: ActionRecord['state'], elsewhere?: boolean): ActionRecord => ({
  endpointId: 'ep1',
  key: 'rollback-billing-1',
  action: 'deploy.rollback',
  args: { service: 'billing', environment: 'production', toVersion: '2.13.2' },
  state,
  operator: 'ana',
  reason: 'errors after 2.14.0',
  submittedAt: 1_000,
  updatedAt: 2_000,
  ...(elsewhere ? { elsewhere: true } : {}),
});

describe('auditEntryFor', () => {
  it("writes every transition of this console's own actions", () => {
    for (const state of ['pending', 'accepted', 'running', 'succeeded'] as const) {
      expect(auditEntryFor(record(state))?.state).toBe(state);
    }
    expect(auditEntryFor(record('running'))).not.toHaveProperty('elsewhere');
  });

  it('writes an action taken elsewhere once, at its outcome, marked, with its reason', () => {
    expect(auditEntryFor(record('accepted', true))).toBeUndefined();
    expect(auditEntryFor(record('running', true))).toBeUndefined();
    expect(auditEntryFor(record('succeeded', true))).toMatchObject({
      state: 'succeeded',
      operator: 'ana',
      reason: 'errors after 2.14.0',
      elsewhere: true,
      at: new Date(2_000).toISOString(),
    });
  });
});
