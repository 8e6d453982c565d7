// Actions taken elsewhere: a status for a key this console did not submit,
// described by the endpoint (v1.1), becomes a record like a local one; the
// idempotency key is the identity, so nothing is ever recorded twice.
import { describe, expect, it, vi } from 'vitest';
import { ActionDesk } from './action-desk';
import { auditEntryFor } from './audit-entry';
import type { EndpointLink } from '../links/endpoint-link';
import type { ActionRecord } from '../../../shared/api/actions';
import type { ActionStatus } from '../../../shared/protocol';

function setup(version = '2.14.0') {
  const request = vi.fn((_method: string, _params: unknown) =>
    Promise.resolve<unknown>({ accepted: true }),
  );
  const link = {
    status: { id: 'ep1', name: 'Demo', state: 'open', actions: ['deploy.rollback'] },
    request,
  } as unknown as EndpointLink;
  const changes: ActionRecord[] = [];
  let clock = 100_000;
  const desk = new ActionDesk({
    links: new Map([['ep1', link]]),
    onChange: (record) => changes.push(record),
    operator: () => 'bo',
    environmentOf: () => ({ id: 'production', version }) as never,
    now: () => clock,
  });
  return { desk, changes, request, tick: (ms: number) => (clock += ms) };
}

const described = (overrides: Partial<ActionStatus> = {}): ActionStatus => ({
  key: 'rb-billing-prod-ana1',
  state: 'accepted',
  updatedAt: 5_000,
  action: 'deploy.rollback',
  args: { service: 'billing', environment: 'production', toVersion: '2.13.2' },
  operator: 'ana',
  reason: 'INC-42',
  submittedAt: 5_000,
  ...overrides,
});

const audited = (changes: ActionRecord[]) => changes.flatMap((r) => auditEntryFor(r) ?? []);

describe('ActionDesk: actions taken elsewhere', () => {
  it('keeps a described action it did not submit, with the operator and reason reported', () => {
    const { desk } = setup();
    desk.status('ep1', described());
    expect(desk.list()).toEqual([
      expect.objectContaining({
        key: 'rb-billing-prod-ana1',
        endpointId: 'ep1',
        action: 'deploy.rollback',
        state: 'accepted',
        operator: 'ana',
        reason: 'INC-42',
        elsewhere: true,
        fromVersion: '2.14.0',
      }),
    ]);
  });

  it('follows it through its lifecycle, and ignores anything after its outcome', () => {
    const { desk } = setup();
    desk.status('ep1', described());
    desk.status('ep1', described({ state: 'running', updatedAt: 5_300 }));
    desk.status('ep1', described({ state: 'succeeded', updatedAt: 6_500, message: 'done' }));
    desk.status('ep1', described({ state: 'failed', updatedAt: 7_000 }));
    expect(desk.list().map((r) => [r.state, r.message])).toEqual([['succeeded', 'done']]);
  });

  it('dates its submission on this console’s clock, by the age the endpoint reports', () => {
    const { desk } = setup();
    desk.status('ep1', described({ state: 'running', submittedAt: 5_000, updatedAt: 17_000 }));
    expect(desk.list()[0]?.submittedAt).toBe(100_000 - 12_000);
  });

  it('ignores a key it did not submit when the endpoint does not describe it (v1.0)', () => {
    const { desk, changes } = setup();
    desk.status('ep1', { key: 'rb-billing-prod-ana1', state: 'running' });
    desk.status('ep1', described({ action: 'deploy.rollback', args: { service: 'billing' } }));
    desk.status('ep1', described({ action: 'db.vacuum' }));
    desk.status('ep1', described({ key: 'has spaces in it' }));
    expect(desk.list()).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('merges its own action coming back described: one record, still its own', async () => {
    const { desk, changes } = setup();
    await desk.submit({
      endpointId: 'ep1',
      key: 'rb-billing-prod-bo01',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
      reason: 'mine',
    });
    desk.status('ep1', described({ key: 'rb-billing-prod-bo01', state: 'running', operator: 'x' }));
    expect(desk.list()).toHaveLength(1);
    expect(desk.list()[0]).toMatchObject({ operator: 'bo', reason: 'mine', state: 'running' });
    expect(desk.list()[0]?.elsewhere).toBeUndefined();
    // Its own lines: every transition, none marked elsewhere.
    expect(audited(changes).map((e) => [e.state, e.elsewhere])).toEqual([
      ['pending', undefined],
      ['accepted', undefined],
      ['running', undefined],
    ]);
  });

  it('writes a remote action to the audit log once, at its outcome, marked as taken elsewhere', () => {
    const { desk, changes } = setup();
    desk.status('ep1', described());
    desk.status('ep1', described({ state: 'running' }));
    desk.status('ep1', described({ state: 'succeeded' }));
    expect(audited(changes)).toEqual([
      expect.objectContaining({
        key: 'rb-billing-prod-ana1',
        state: 'succeeded',
        operator: 'ana',
        reason: 'INC-42',
        elsewhere: true,
      }),
    ]);
  });

  it('refuses another intent on the same target while the remote one is in flight', async () => {
    const { desk, request } = setup();
    desk.status('ep1', described({ state: 'running' }));
    const mine = await desk.submit({
      endpointId: 'ep1',
      key: 'rb-billing-prod-bo02',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
    });
    expect(mine.state).toBe('rejected');
    expect(mine.message).toContain('ana (elsewhere) is already acting on billing production');
    expect(request).not.toHaveBeenCalled();
    desk.status('ep1', described({ state: 'succeeded' }));
    const later = await desk.submit({
      endpointId: 'ep1',
      key: 'rb-billing-prod-bo03',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
    });
    expect(later.state).toBe('accepted');
  });

  it('asks after a reconnect about a remote action whose outcome it did not see', async () => {
    const { desk, request } = setup();
    desk.status('ep1', described({ state: 'running' }));
    request.mockResolvedValueOnce(described({ state: 'succeeded' }));
    await desk.reconcile('ep1');
    expect(request).toHaveBeenCalledWith('action.get', { key: 'rb-billing-prod-ana1' });
    expect(desk.list()[0]?.state).toBe('succeeded');
  });
});
