// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionRecord } from '../../../../shared/api/actions';
import type { AuditEntry, AuditQuery } from '../../../../shared/api/audit';
import { useConsoleStore } from '../../store/console-store';
import { AUDIT_LIMIT, NO_AUDIT_FILTERS, useAuditLog, type AuditFilters } from './audit-query';

const host = vi.hoisted(() => ({ queryAudit: vi.fn<(query: AuditQuery) => Promise<unknown>>() }));
vi.mock('../../bridge/console-bridge', () => ({ getConsoleApi: () => host }));

/** One audit line of the bad-deploy scenario: billing rolled back to 2.13.2. */
const rollback = (seq: number, state: AuditEntry['state']): AuditEntry => ({
  seq,
  at: '2026-11-26T14:31:07.000Z',
  operator: 'dana',
  endpointId: 'demo',
  key: 'rollback-billing-0001',
  action: 'deploy.rollback',
  args: { service: 'billing', environment: 'production', toVersion: '2.13.2' },
  state,
});

/** Answers the host has not given yet, settled by the test in any order. */
function pendingAnswers() {
  const answers: { resolve(entries: AuditEntry[]): void; reject(error: Error): void }[] = [];
  host.queryAudit.mockImplementation(
    () => new Promise((resolve, reject) => answers.push({ resolve, reject })),
  );
  return answers;
}

const asked = (): AuditQuery[] => host.queryAudit.mock.calls.map(([query]) => query);

function renderAuditLog(filters: AuditFilters = NO_AUDIT_FILTERS) {
  return renderHook((current: AuditFilters) => useAuditLog(current), { initialProps: filters });
}

beforeEach(() => {
  vi.useFakeTimers();
  host.queryAudit.mockReset();
  useConsoleStore.setState({ actions: {} });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useAuditLog', () => {
  it('asks for the newest lines up to the limit and shows them once they arrive', async () => {
    const answers = pendingAnswers();
    const { result } = renderAuditLog();
    expect(asked()).toEqual([{ limit: AUDIT_LIMIT }]);
    expect(result.current.loading).toBe(true);

    await act(async () => answers[0]?.resolve([rollback(2, 'succeeded'), rollback(1, 'pending')]));
    expect(result.current).toEqual({
      entries: [rollback(2, 'succeeded'), rollback(1, 'pending')],
      loading: false,
      error: undefined,
    });
  });

  it('asks with the chosen action, state and time range', () => {
    pendingAnswers();
    renderAuditLog({
      text: '',
      action: 'deploy.rollback',
      state: 'failed',
      from: '2026-11-26T09:30',
      to: '2026-11-26T10:15',
    });
    expect(asked()).toEqual([
      {
        limit: AUDIT_LIMIT,
        action: 'deploy.rollback',
        state: 'failed',
        since: new Date(2026, 10, 26, 9, 30).getTime(),
        until: new Date(2026, 10, 26, 10, 15, 59, 999).getTime(),
      },
    ]);
  });

  it('waits until the operator stops typing, then searches the trimmed text once', () => {
    pendingAnswers();
    const { rerender } = renderAuditLog();
    for (const text of ['b', 'bil', 'billing ']) {
      rerender({ ...NO_AUDIT_FILTERS, text });
      act(() => vi.advanceTimersByTime(100));
    }
    expect(asked()).toHaveLength(1);
    act(() => vi.advanceTimersByTime(300));
    expect(asked()).toEqual([{ limit: AUDIT_LIMIT }, { limit: AUDIT_LIMIT, text: 'billing' }]);
  });

  it('asks again when an action moves on, so a new audit line shows', () => {
    pendingAnswers();
    renderAuditLog();
    const record = {
      ...rollback(1, 'accepted'),
      submittedAt: 1,
      updatedAt: 2,
    } as unknown as ActionRecord;
    act(() => useConsoleStore.setState({ actions: { [record.key]: record } }));
    expect(asked()).toHaveLength(2);
  });

  it('never lets a slow answer to an older query overwrite a newer one', async () => {
    const answers = pendingAnswers();
    const { result, rerender } = renderAuditLog();
    rerender({ ...NO_AUDIT_FILTERS, state: 'succeeded' });
    expect(asked()).toHaveLength(2);

    await act(async () => answers[1]?.resolve([rollback(2, 'succeeded')]));
    await act(async () => answers[0]?.resolve([rollback(2, 'succeeded'), rollback(1, 'pending')]));
    expect(result.current.entries).toEqual([rollback(2, 'succeeded')]);
    expect(result.current.loading).toBe(false);
  });

  it('says why the log could not be read and keeps the lines already shown', async () => {
    const answers = pendingAnswers();
    const { result, rerender } = renderAuditLog();
    await act(async () => answers[0]?.resolve([rollback(1, 'succeeded')]));

    rerender({ ...NO_AUDIT_FILTERS, action: 'ring.halt' });
    expect(result.current.loading).toBe(true);
    await act(async () => answers[1]?.reject(new Error('audit log is locked')));
    expect(result.current).toEqual({
      entries: [rollback(1, 'succeeded')],
      loading: false,
      error: 'The audit log could not be read: audit log is locked',
    });
  });
});
