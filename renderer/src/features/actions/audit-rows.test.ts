import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/api/audit';
import { auditRows } from './audit-rows';

const line = (
  seq: number,
  key: string,
  state: AuditEntry['state'],
  reason?: string,
): AuditEntry => ({
  seq,
  at: new Date(Date.UTC(2026, 0, 1, 10, 0, seq)).toISOString(),
  operator: 'ana',
  endpointId: 'demo',
  key,
  action: 'deploy.rollback',
  args: { service: 'billing', environment: 'production' },
  state,
  ...(reason ? { reason } : {}),
});

describe('audit rows', () => {
  it('fold every lifecycle line of one action into one row, newest action first', () => {
    const newestFirst = [
      line(6, 'b', 'accepted'),
      line(5, 'a', 'succeeded'),
      line(4, 'b', 'pending', 'INC-2'),
      line(3, 'a', 'running'),
      line(2, 'a', 'accepted'),
      line(1, 'a', 'pending', 'INC-1'),
    ];
    const rows = auditRows(newestFirst);
    expect(rows.map((row) => [row.latest.key, row.latest.state, row.reason])).toEqual([
      ['b', 'accepted', 'INC-2'],
      ['a', 'succeeded', 'INC-1'],
    ]);
    expect(rows[1]?.steps.map((step) => step.state)).toEqual([
      'pending',
      'accepted',
      'running',
      'succeeded',
    ]);
    expect(rows[1]?.first.seq).toBe(1);
  });

  it('keep the same key from two endpoints apart', () => {
    const other = { ...line(2, 'a', 'pending'), endpointId: 'other' };
    expect(auditRows([other, line(1, 'a', 'pending')])).toHaveLength(2);
  });
});
